// Every page, for every demo role: axe finds no WCAG 2.1 A/AA violation and nothing scrolls
// sideways at 360 px. Per role, the test logs in on a phone and follows every link it finds
// (header, page and footer), visiting each kind of page once; every link must lead to a page that
// answers 200. Then it visits the pages that only show up in certain states: the signal list with
// filters, a linked, a closed and a meldcode signal, break the glass, an upcoming and a past
// meeting with their minutes, the error pages (400, 403, 404), forms shown again with their
// messages, and the English version. The admin pages are also checked at laptop size.
// The login page is checked in login.test.mjs.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  useDemo, newContext, watchErrors, submit, checkPage, PASSWORD, PHONE, LAPTOP,
} from './helpers.mjs';

// The kinds of page a role reaches by following links, written as route patterns: numbers become
// {id}, query strings are reduced to their sorted parameter names.
const OVERLEG = ['/', '/signalen', '/signalen/nieuw', '/signalen/{id}', '/signalen?status&wijk',
  '/overleggen', '/overleggen/{id}', '/overleggen/{id}/notulen', '/acties', '/wijken/{id}'];
const CHAIR = [...OVERLEG, '/overleggen/nieuw', '/beheer/wijken/{id}'];
const ADMIN = ['/', '/beheer', '/beheer/gebruikers/{id}', '/beheer/wijken/{id}'];
const ROLES = [
  ['voorzitter', CHAIR],
  ['voorzitter.stevenshof', CHAIR],
  ['huisarts', OVERLEG],
  ['wijkagent', OVERLEG],
  ['huismeester', OVERLEG],
  ['ggz', OVERLEG],
  ['wijkteam', OVERLEG],
  ['gastvrouw', OVERLEG],
  ['brigadier', OVERLEG],
  ['coordinator', OVERLEG],
  ['gemeente', ['/']],
  ['beheer', ADMIN],
];
const ERROR_H1 = 'Dat lukt niet';

function routeKey(url) {
  const u = new URL(url);
  const route = u.pathname.replace(/\/\d+(?=\/|$)/g, '/{id}');
  const params = [...new Set(u.searchParams.keys())].sort();
  return params.length ? `${route}?${params.join('&')}` : route;
}

const here = (page) => { const u = new URL(page.url()); return u.pathname + u.search; };

describe('every page passes axe and fits a 360 px screen', { timeout: 120_000, concurrency: 3 }, () => {
  const demo = useDemo();

  // A logged-in page in its own context (closed when the test ends), with its console errors.
  async function session(t, user, size = PHONE) {
    const context = await newContext(demo.browser, demo.server.base, size);
    t.after(() => context.close().catch(() => {}));
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto('/login');
    await page.locator('#username').fill(user);
    await page.locator('#password').fill(PASSWORD);
    await submit(page, page.getByRole('button', { name: 'Inloggen' }));
    assert.equal(new URL(page.url()).pathname, '/', `log-in as ${user} reaches the start page`);
    return { page, errors };
  }

  // Opens a page, expects the status, and runs both page checks.
  async function visit(page, url, label, status = 200) {
    const res = await page.goto(url);
    assert.equal(res.status(), status, `${url} (${label}) answers ${status}`);
    await checkPage(page, `${url} (${label})`);
  }

  // Same-origin links on the current page (header, page and footer), or within scope (a selector
  // or a locator), without fragments.
  async function links(page, scope = 'body') {
    const root = typeof scope === 'string' ? page.locator(scope) : scope;
    const hrefs = await root.locator('a[href]').evaluateAll((as) => as.map((a) => a.href));
    const out = [];
    for (const href of hrefs) {
      const u = new URL(href);
      if (u.origin !== new URL(demo.server.base).origin || u.pathname.startsWith('/static/')) continue;
      out.push(u.pathname + u.search);
    }
    return out;
  }

  async function firstLink(page, scope, pattern) {
    const found = (await links(page, scope)).find((h) => pattern.test(h));
    assert.ok(found, `a link matching ${pattern} in ${scope} on ${here(page)}`);
    return found;
  }

  // From the current page, visits every kind of page reachable through links (breadth first,
  // the first link of each kind), checking each one. Returns the kinds visited.
  async function crawl(page, label) {
    const seen = new Map();
    const queue = await links(page);
    await checkPage(page, `/ (${label})`);
    seen.set('/', '/');
    while (queue.length) {
      const url = queue.shift();
      const key = routeKey(demo.server.base + url);
      if (seen.has(key)) continue;
      seen.set(key, url);
      await visit(page, url, label);
      queue.push(...await links(page));
    }
    return seen;
  }

  for (const [user, expected] of ROLES) {
    it(`${user}: every page it can reach`, { timeout: 60_000 }, async (t) => {
      const { page, errors } = await session(t, user);
      const seen = await crawl(page, `${user}, phone`);
      const kinds = [...seen.keys()].sort();
      t.diagnostic(`${user} visited ${[...seen.values()].join(' ')}`);
      for (const kind of expected) assert.ok(seen.has(kind), `${user} reaches ${kind}; found: ${kinds.join(' ')}`);
      if (user === 'gemeente') assert.deepEqual(kinds, ['/'], 'the funder sees the start page only');

      if (user === 'beheer') {
        // The admin pages also at laptop size.
        const laptop = await session(t, user, LAPTOP);
        for (const url of seen.values()) await visit(laptop.page, url, `${user}, laptop`);
        assert.deepEqual(laptop.errors, [], 'no console errors (laptop)');
      }
      assert.deepEqual(errors, [], 'no console errors (CSP, scripts)');
    });
  }

  it('the signal list with filters, and its next page when there is one', { timeout: 60_000 }, async (t) => {
    const { page, errors } = await session(t, 'wijkagent');
    await page.goto('/signalen');
    const form = page.locator('form.filters');

    await form.getByLabel('Wijk').selectOption({ label: 'Meerburg' });
    await form.getByLabel('Status').selectOption({ label: 'Nieuw' });
    await submit(page, form.getByRole('button', { name: 'Zoeken' }));
    assert.match(here(page), /^\/signalen\?wijk=\d+&status=new&/);
    await checkPage(page, `${here(page)} (wijk and status)`);

    await page.goto('/signalen');
    await form.getByLabel('Alleen urgent').check();
    await submit(page, form.getByRole('button', { name: 'Zoeken' }));
    assert.match(here(page), /[?&]urgent=1(&|$)/);
    assert.ok(await page.locator('.signal-item').count() > 0, 'the demo data has urgent signals');
    assert.equal(await page.locator('.signal-item:not(.is-urgent)').count(), 0, 'only urgent signals');
    await checkPage(page, `${here(page)} (urgent)`);

    await page.goto('/signalen');
    await form.getByLabel('Alleen mijn signalen').check();
    await submit(page, form.getByRole('button', { name: 'Zoeken' }));
    assert.match(here(page), /[?&]mijn=1(&|$)/);
    await checkPage(page, `${here(page)} (mine)`);

    // The demo data fits on one page for most people; follow "next" where there is one.
    await page.goto('/signalen');
    const next = page.locator('nav.pager').getByRole('link', { name: 'Volgende' });
    if (await next.count()) {
      await submit(page, next);
      assert.match(here(page), /pagina=2/);
      await checkPage(page, `${here(page)} (page 2)`);
    } else {
      t.diagnostic('no page 2: all signals fit on one page');
    }
    assert.deepEqual(errors, [], 'no console errors');
  });

  it('a signal in every state: linked, closed, meldcode (officer) and after breaking the glass', { timeout: 60_000 }, async (t) => {
    {
      const { page, errors } = await session(t, 'voorzitter');
      const form = page.locator('form.filters');
      for (const [status, marker] of [['Gekoppeld', /Dit signaal hoort bij/], ['Afgesloten', /Afgesloten: \S/]]) {
        await page.goto('/signalen');
        await form.getByLabel('Status').selectOption({ label: status });
        await submit(page, form.getByRole('button', { name: 'Zoeken' }));
        const url = await firstLink(page, 'ul.signal-list', /^\/signalen\/\d+$/);
        await visit(page, url, `${status.toLowerCase()} signal`);
        assert.match(await page.locator('main').textContent(), marker, `the ${status} signal says so`);
        if (status === 'Gekoppeld') {
          // The case it is linked to lists it.
          await visit(page, await firstLink(page, '.alert', /^\/signalen\/\d+$/), 'case of a linked signal');
          assert.equal(await page.getByRole('heading', { name: 'Andere signalen over deze bewoner' }).count(), 1);
        }
      }
      assert.deepEqual(errors, [], 'no console errors (voorzitter)');
    }
    {
      // The GGZ's meldcode officer sees the steps and the form to record the next one.
      const { page, errors } = await session(t, 'ggz');
      const item = page.locator('#mine-h + ul li', { has: page.locator('.badge', { hasText: 'Meldcode' }) });
      assert.equal(await item.count(), 1, 'the meldcode signal is on the ggz start page');
      await visit(page, await firstLink(page, item, /^\/signalen\/\d+$/), 'meldcode signal, officer');
      await page.locator('ol.steps').waitFor();
      assert.equal(await page.locator('ol.steps > li').count(), 5, 'five meldcode steps');
      await page.getByLabel('Stap', { exact: true }).waitFor();
      await page.getByRole('button', { name: 'Stap vastleggen' }).waitFor();
      assert.deepEqual(errors, [], 'no console errors (ggz)');
    }
    {
      // A member opens a signal someone else raised and asks to see who it is about.
      const { page, errors } = await session(t, 'huisarts');
      await page.goto('/signalen');
      let found = null;
      for (const url of await links(page, 'ul.signal-list')) {
        await page.goto(url);
        if (await page.locator('details.break-glass').count()) { found = url; break; }
      }
      assert.ok(found, 'a signal with the break-the-glass form');
      await page.locator('details.break-glass summary').click();
      await checkPage(page, `${found} (break the glass, open)`);

      const reason = page.getByLabel(/Waarom moet u dit nu weten/);
      await reason.fill('kort');
      const short = page.waitForResponse((r) => r.request().method() === 'POST');
      await submit(page, page.locator('details.break-glass').getByRole('button'));
      assert.equal((await short).status(), 422, 'a short reason is refused');
      await page.locator('details.break-glass .field-error').waitFor();
      await checkPage(page, `${found}/inzien (reason too short)`);

      await page.getByLabel(/Waarom moet u dit nu weten/).fill('Ik ken deze bewoner en wil weten of het om mijn patiënt gaat.');
      await submit(page, page.locator('details.break-glass').getByRole('button'));
      const identity = page.locator('section', { has: page.getByRole('heading', { name: 'Wie is het?' }) });
      await identity.locator('dl.facts').waitFor();
      await checkPage(page, `${found}/inzien (identity shown)`);
      assert.deepEqual(errors.filter((e) => !/status of 422/.test(e)), [], 'no other console errors (huisarts)');
    }
  });

  it('meetings: an upcoming one as chair, a past one, and the minutes', { timeout: 60_000 }, async (t) => {
    const { page, errors } = await session(t, 'voorzitter');
    await page.goto('/overleggen');
    const upcoming = await firstLink(page, 'section:has(#up-h)', /^\/overleggen\/\d+$/);
    await visit(page, upcoming, 'upcoming meeting, chair');
    await page.getByRole('button', { name: 'Agenda bijwerken' }).waitFor();
    assert.ok(await page.getByRole('button', { name: 'Besluit opslaan' }).count() > 0, 'the chair can record decisions');
    await page.getByRole('button', { name: 'Aanwezigheid opslaan' }).waitFor();
    // On a phone the attendance rows stack, so there is room to type who came.
    const who = page.getByRole('textbox', { name: /^Wie: / }).first();
    assert.ok((await who.boundingBox()).width >= 240, `the "Wie" field is wide enough: ${(await who.boundingBox()).width}px`);
    const upcomingMinutes = await firstLink(page, 'main', /^\/overleggen\/\d+\/notulen$/);

    await page.goto('/overleggen');
    const past = await firstLink(page, 'section:has(#past-h)', /^\/overleggen\/\d+$/);
    await visit(page, past, 'past meeting, chair');
    await visit(page, await firstLink(page, 'main', /^\/overleggen\/\d+\/notulen$/), 'minutes of a past meeting');
    await visit(page, upcomingMinutes, 'minutes of an upcoming meeting');
    assert.deepEqual(errors, [], 'no console errors');
  });

  it('error pages: 400, 403 and 404', { timeout: 60_000 }, async (t) => {
    // A signal in Stevenshof, which the Meerburg GP may not open.
    const other = await session(t, 'voorzitter.stevenshof');
    await other.page.goto('/signalen');
    const elsewhere = await firstLink(other.page, 'ul.signal-list', /^\/signalen\/\d+$/);

    const { page, errors } = await session(t, 'huisarts');
    for (const [url, status, message] of [
      ['/signalen/999999', 404, 'Deze pagina bestaat niet (meer).'],
      [elsewhere, 403, 'U mag dit niet bekijken of doen. Het hoort bij een andere wijk of een andere rol.'],
      ['/signalen/abc', 400, 'Dit verzoek klopt niet. Ga terug en probeer het opnieuw.'],
      ['/bestaat/niet', 404, 'Deze pagina bestaat niet (meer).'],
    ]) {
      const res = await page.goto(url);
      assert.equal(res.status(), status, `${url} answers ${status}`);
      await page.getByRole('heading', { level: 1, name: ERROR_H1 }).waitFor();
      assert.equal((await page.getByRole('alert').textContent()).trim(), message);
      await checkPage(page, `${url} (${status})`);
    }

    // The funder has no signal list.
    const funder = await session(t, 'gemeente');
    assert.equal((await funder.page.goto('/signalen')).status(), 403);
    await checkPage(funder.page, '/signalen (403, funder)');

    for (const e of [...errors, ...other.errors, ...funder.errors])
      assert.match(e, /status of 40[034]/, 'only the expected error statuses in the console');
  });

  it('forms shown again with their messages', { timeout: 60_000 }, async (t) => {
    const { page, errors } = await session(t, 'huisarts');
    const raise = async () => {
      const answer = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/signalen');
      await submit(page, page.getByRole('button', { name: 'Signaal opslaan' }));
      assert.equal(here(page), '/signalen');
      return (await answer).status();
    };

    // Without a description. The browser would stop the form (required), so its own checks are
    // switched off to get the server's answer.
    await page.goto('/signalen/nieuw');
    await page.getByRole('checkbox', { name: 'Eenzaam of weinig contact' }).check();
    await page.locator('#signal-form').evaluate((f) => { f.noValidate = true; });
    assert.equal(await raise(), 422);
    assert.match(await page.getByRole('alert').textContent(), /Niet alles is goed ingevuld/);
    assert.equal((await page.locator('#description ~ .field-error').textContent()).trim(), 'Schrijf kort wat u ziet of hoort.');
    assert.equal(await page.getByRole('checkbox', { name: 'Eenzaam of weinig contact' }).isChecked(), true, 'the choices stay');
    await checkPage(page, 'POST /signalen (422, no description)');

    // A meldcode category: the form comes back asking which way to go (nothing is saved yet).
    await page.goto('/signalen/nieuw');
    await page.getByRole('checkbox', { name: 'Zorgen over huiselijk geweld' }).check();
    await page.getByLabel('Wat ziet u of hoort u?').fill('Buren horen vaak ruzie en harde klappen. Testmelding voor de meldcode-keuze.');
    assert.equal(await raise(), 200);
    await page.getByRole('group', { name: 'Wat wilt u doen?' }).waitFor();
    await checkPage(page, 'POST /signalen (meldcode choice)');

    // Administration: a username that is taken.
    const admin = await session(t, 'beheer');
    await admin.page.goto('/beheer');
    const form = admin.page.locator('form[action="/beheer/gebruikers"]');
    await form.getByLabel('Gebruikersnaam').fill('huisarts');
    await form.getByLabel('Naam', { exact: true }).fill('Tweede Huisarts');
    await form.getByLabel(/Eerste wachtwoord/).fill('een-lang-wachtwoord');
    const answer = admin.page.waitForResponse((r) => r.request().method() === 'POST');
    await submit(admin.page, form.getByRole('button', { name: 'Gebruiker toevoegen' }));
    assert.equal((await answer).status(), 422);
    assert.equal((await admin.page.getByRole('alert').textContent()).trim(), 'Deze gebruikersnaam bestaat al.');
    await checkPage(admin.page, 'POST /beheer/gebruikers (422, name taken)');

    for (const e of [...errors, ...admin.errors]) assert.match(e, /status of 422/, 'only the expected 422s in the console');
  });

  it('the English version, and back to Dutch', { timeout: 60_000 }, async (t) => {
    const { page, errors } = await session(t, 'huisarts');
    for (const url of ['/', '/signalen/nieuw']) {
      await page.goto(url);
      await submit(page, page.getByRole('button', { name: 'English' }));
      assert.equal(here(page), url, 'the switch stays on the page');
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      await checkPage(page, `${url} (English)`);
      await submit(page, page.getByRole('button', { name: 'Nederlands' }));
      assert.equal(here(page), url);
      assert.equal(await page.locator('html').getAttribute('lang'), 'nl');
    }
    assert.deepEqual(errors, [], 'no console errors');
  });
});
