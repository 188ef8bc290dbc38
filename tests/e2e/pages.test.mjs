// Every page, for every demo role: axe finds no WCAG 2.1 A/AA violation and nothing scrolls
// sideways at 360 px. Per role, the test logs in on a phone and follows every link it finds
// (header, page and footer), visiting each kind of page once; every link must lead to a page that
// answers 200. Then it visits the pages that only show up in certain states: the signal list with
// filters, a linked, a closed and a meldcode signal, break the glass, an upcoming and a past
// meeting with their minutes, the error pages (400, 403, 404), forms shown again with their
// messages, and the English version. For the Vliegende Brigade: a request with the coordinator's
// suggestions, the referral form, the figures over a year, requests as a peer who is asked, who
// goes and who is inside, forms shown again (no reason to say no or to close, nothing known, dates
// the wrong way round), another peer's request (403) and an unknown one-time link (404).
// The admin pages are also checked at laptop size.
// The login page is checked in login.test.mjs.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  useDemo, newContext, watchErrors, submit, checkPage, consoleStatuses, PASSWORD, PHONE, LAPTOP,
} from './helpers.mjs';

// The kinds of page a role reaches by following links, written as route patterns: numbers become
// {id}, query strings are reduced to their sorted parameter names. The lists are exact: a page
// that appears or disappears for a role is a change to look at.
const OVERLEG = ['/', '/signalen', '/signalen/nieuw', '/signalen/{id}', '/signalen?status&wijk',
  '/overleggen', '/overleggen/{id}', '/overleggen/{id}/notulen', '/acties', '/wijken/{id}'];
// Partners in the overleg also get the referrals the brigade sent to their organisation.
const PARTNER = [...OVERLEG, '/verwijzingen'];
// The chair also reviews the break-glass views of their wijken (/inzage), as the administrator does.
const CHAIR = [...PARTNER, '/overleggen/nieuw', '/beheer/wijken/{id}', '/inzage'];
// The wijkteam and the host may ask the brigade to visit someone.
const ASKER = [...PARTNER, '/verzoeken/nieuw'];
// The host also runs the Zelfregiecentra (Greet hosts two): the count, the activities with one
// occurrence's list, the known visitors with one of them and their participation, and the public calendar with an
// activity's page and its sign-up form.
const HOST = [...ASKER, '/verzoeken/nieuw?wijk', '/centrum', '/centrum/{id}', '/centrum/{id}/activiteiten', '/centra/{id}',
  '/centrum/{id}/bezoekers', '/bezoekers/{id}', '/bezoekers/{id}/meedoen', '/centrum/{id}/zorg',
  '/centra/{id}/activiteiten/{id}', '/activiteiten/{id}/keer/{date}', '/centra/{id}/activiteiten/{id}/aanmelden/{date}'];
// Peers: their requests and their week. A peer who is doing a request also reaches its referral
// form; Mo Benali's first request is one that waits for his answer, so he does not.
const PEER = [...OVERLEG, '/verzoeken', '/verzoeken/{id}', '/verzoeken/eerder', '/beschikbaarheid', '/beschikbaarheid?week'];
const COORDINATOR = [...PARTNER, '/brigade', '/brigade/cijfers', '/verzoeken/nieuw', '/verzoeken/{id}',
  '/verzoeken/{id}/verwijzen'];
const ADMIN = ['/', '/beheer', '/beheer/api-sleutels', '/beheer/gebruikers/{id}', '/beheer/wijken/{id}', '/inzage'];
const ROLES = [
  ['voorzitter', CHAIR],
  ['voorzitter.stevenshof', CHAIR],
  ['huisarts', PARTNER],
  ['wijkagent', PARTNER],
  ['huismeester', PARTNER],
  ['ggz', PARTNER],
  ['wijkteam', ASKER],
  ['gastvrouw', HOST],
  // Matilo's shared tablet: the count and check-in, and no other page.
  ['tablet.matilo', ['/', '/centrum', '/centrum/{id}']],
  ['brigadier', PEER],
  // Anouk holds a Meerburg request whose resident is not known at Matilo yet.
  ['peer.anouk', [...PEER, '/verzoeken/{id}/verwijzen', '/verzoeken/{id}/centrum']],
  ['coordinator', COORDINATOR],
  ['gemeente', ['/', '/brigade/cijfers']],
  ['beheer', ADMIN],
];
const ERROR_H1 = 'Dat lukt niet';

function routeKey(url) {
  const u = new URL(url);
  const route = u.pathname.replace(/\/\d{4}-\d\d-\d\d(?=\/|$)/g, '/{date}')
    .replace(/\/\d+(?=\/|$)/g, '/{id}');
  const params = [...new Set(u.searchParams.keys())].sort();
  return params.length ? `${route}?${params.join('&')}` : route;
}

const here = (page) => { const u = new URL(page.url()); return u.pathname + u.search; };

describe('every page passes axe and fits a 360 px screen', { timeout: 900_000, concurrency: 3 }, () => {
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
    // The centre's tablet has no start page of its own: it lands on the count.
    const start = user === 'tablet.matilo' ? '/centrum/1' : '/';
    assert.equal(new URL(page.url()).pathname, start, `log-in as ${user} reaches the start page`);
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
      // Static files, the JSON API (its OpenAPI document) and the iCal feeds are no pages;
      // api.test.mjs checks the API, centres.test.mjs and the HTTP tests the feeds.
      if (u.origin !== new URL(demo.server.base).origin || u.pathname.startsWith('/static/') ||
          u.pathname.startsWith('/api/') || u.pathname.endsWith('.ics')) continue;
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
    it(`${user}: every page it can reach`, { timeout: 300_000 }, async (t) => {
      const { page, errors } = await session(t, user);
      const seen = await crawl(page, `${user}, phone`);
      const kinds = [...seen.keys()].sort();
      t.diagnostic(`${user} visited ${[...seen.values()].join(' ')}`);
      assert.deepEqual(kinds, [...expected].sort(), `the kinds of page ${user} reaches`);

      if (user === 'beheer') {
        // The admin pages also at laptop size.
        const laptop = await session(t, user, LAPTOP);
        for (const url of seen.values()) await visit(laptop.page, url, `${user}, laptop`);
        assert.deepEqual(laptop.errors, [], 'no console errors (laptop)');
      }
      assert.deepEqual(errors, [], 'no console errors (CSP, scripts)');
    });
  }

  it('the signal list with filters, and its next page when there is one', { timeout: 300_000 }, async (t) => {
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

  it('a signal in every state: linked, closed, meldcode (officer) and after breaking the glass', { timeout: 300_000 }, async (t) => {
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
      assert.deepEqual(consoleStatuses(errors), [422], 'the console shows only the 422 asked for (huisarts)');
    }
  });

  it('the signal form swaps buurten and categories when the wijk changes', { timeout: 300_000 }, async (t) => {
    const { page, errors } = await session(t, 'wijkagent');  // in three wijken
    await page.goto('/signalen/nieuw');
    const ids = () => page.locator('#categories-fieldset input').evaluateAll((els) => els.map((e) => e.value).join(','));
    const buurten = () => page.locator('#buurt option').allTextContents();
    const before = await ids();
    const beforeBuurten = await buurten();
    assert.ok(before.length > 0, 'the first wijk has categories');
    const swapped = page.waitForResponse((r) => r.url().includes('/signalen/nieuw/wijk'));
    await page.locator('#wijk').selectOption({ index: 1 });
    assert.equal((await swapped).status(), 200);
    await page.waitForFunction((b) => [...document.querySelectorAll('#categories-fieldset input')].map((e) => e.value).join(',') !== b, before);
    assert.notDeepEqual(await buurten(), beforeBuurten, 'the buurten follow the wijk');
    await checkPage(page, '/signalen/nieuw (second wijk chosen)');
    assert.deepEqual(errors, [], 'no console errors');
  });

  it('meetings: an upcoming one as chair, a past one, and the minutes', { timeout: 300_000 }, async (t) => {
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

  it('error pages: 400, 403 and 404', { timeout: 300_000 }, async (t) => {
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

    assert.deepEqual(consoleStatuses(errors), [400, 403, 404, 404], 'the console shows the four errors asked for');
    assert.deepEqual(consoleStatuses(other.errors), [], 'no console errors (other wijk)');
    assert.deepEqual(consoleStatuses(funder.errors), [403], 'the console shows the funder\'s 403');
  });

  it('forms shown again with their messages', { timeout: 300_000 }, async (t) => {
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

    assert.deepEqual(consoleStatuses(errors), [422], 'the console shows the one 422 of the empty signal');
    assert.deepEqual(consoleStatuses(admin.errors), [422], 'the console shows the one 422 of the taken name');
  });

  // The brigade's pages in the states a crawl does not reach.
  it('brigade: the coordinator\'s suggestions, the figures, and the referral form with its messages', { timeout: 300_000 }, async (t) => {
    const { page, errors } = await session(t, 'coordinator');
    // A request that waits for a peer's answer: the suggestions, with one peer who cannot be
    // chosen (already asked) and others with a check box.
    await page.goto('/brigade');
    const asked = page.locator('section:has(#running-h) li.signal-item', { hasText: '(gevraagd)' }).first();
    const url = await firstLink(page, asked, /^\/verzoeken\/\d+$/);
    await visit(page, url, 'coordinator, request with suggestions');
    const suggestions = page.locator('#toewijzen .suggestion');
    assert.ok(await suggestions.locator('input[type="checkbox"][name="peer"]').count() > 0, 'peers to tick');
    assert.ok(await page.locator('#toewijzen .suggestion.is-ineligible').count() > 0, 'a peer who cannot be chosen now');
    assert.ok(await suggestions.locator('ul.reasons > li').count() > 0, 'reasons are given');

    // The referral form, sent without an organisation (the browser's own checks off).
    await visit(page, `${url}/verwijzen`, 'referral form');
    await page.locator('#referral-form').evaluate((f) => { f.noValidate = true; });
    const answer = page.waitForResponse((r) => r.request().method() === 'POST');
    await submit(page, page.getByRole('button', { name: 'Verwijzing versturen' }));
    assert.equal((await answer).status(), 422);
    assert.match(await page.getByRole('alert').textContent(), /Niet alles is goed ingevuld/);
    assert.equal((await page.locator('#to_org ~ .field-error').textContent()).trim(), 'Kies naar welke organisatie het gaat.');
    await checkPage(page, `POST ${url}/verwijzingen (422, no organisation)`);

    // The figures over a year, for the coordinator and for the funder; a period that is not
    // offered is refused.
    const funder = await session(t, 'gemeente');
    for (const [p, who] of [[page, 'coordinator'], [funder.page, 'gemeente']]) {
      await visit(p, '/brigade/cijfers?maanden=12', `figures over 12 months, ${who}`);
      assert.equal(await p.getByLabel('Periode').inputValue(), '12');
    }
    await visit(funder.page, '/brigade/cijfers?maanden=99', 'figures, period not offered', 400);

    assert.deepEqual(consoleStatuses(errors), [422], 'the console shows only the 422 asked for (coordinator)');
    assert.deepEqual(consoleStatuses(funder.errors), [400], 'the console shows only the 400 asked for (gemeente)');
  });

  it('brigade: a peer\'s requests in every state, forms shown again, and another peer\'s request', { timeout: 300_000 }, async (t) => {
    // Mo Benali: a request that waits for his answer, said "no" to without a reason.
    const mo = await session(t, 'brigadier');
    await mo.page.goto('/verzoeken');
    const offered = await firstLink(mo.page, 'section:has(#offered-h)', /^\/verzoeken\/\d+$/);
    await visit(mo.page, offered, 'offered request');
    const declined = mo.page.waitForResponse((r) => r.request().method() === 'POST');
    await submit(mo.page, mo.page.getByRole('button', { name: 'Nee, nu niet' }));
    assert.equal((await declined).status(), 422, 'no without a reason is refused');
    assert.match(await mo.page.getByRole('alert').textContent(), /Schrijf kort waarom niet/);
    await mo.page.getByRole('button', { name: 'Ja, ik ga' }).waitFor();
    await checkPage(mo.page, `POST ${offered}/antwoord (422, no reason)`);

    // A request he is doing: who and where, logging a visit (with the optional part open),
    // checking in, the outcome; the outcome "afgesloten" needs a reason.
    await mo.page.goto('/verzoeken');
    const doing = await firstLink(mo.page, 'section:has(#active-h)', /^\/verzoeken\/\d+$/);
    await visit(mo.page, doing, 'accepted request');
    await mo.page.locator('#id-h + .help + dl.identity').waitFor();
    await mo.page.getByRole('button', { name: 'Ik ga naar binnen' }).waitFor();
    await mo.page.getByText('Meer vertellen (mag)').click();
    await mo.page.getByLabel('Volgende stap').waitFor();
    await checkPage(mo.page, `${doing} (accepted, more details open)`);
    await mo.page.getByLabel('Nieuwe uitkomst').selectOption({ label: 'afgesloten' });
    const closed = mo.page.waitForResponse((r) => r.request().method() === 'POST');
    await submit(mo.page, mo.page.locator('#uitkomst').getByRole('button', { name: 'Opslaan' }));
    assert.equal((await closed).status(), 422, 'closing without a reason is refused');
    assert.equal((await mo.page.locator('#uitkomst').getByRole('alert').textContent()).trim(), 'Schrijf kort waarom.');
    await checkPage(mo.page, `POST ${doing}/uitkomst (422, no reason)`);

    // Anouk de Graaf is inside at a visit: her request says so. Mo may not open it.
    const anouk = await session(t, 'peer.anouk');
    await anouk.page.goto('/verzoeken');
    const inside = await firstLink(anouk.page, 'section:has(#in-h)', /^\/verzoeken\/\d+$/);
    await visit(anouk.page, inside, 'request, peer inside');
    await anouk.page.getByRole('button', { name: 'Ik ben weer buiten' }).waitFor();
    await visit(mo.page, inside, 'another peer\'s request', 403);
    await mo.page.getByRole('heading', { level: 1, name: ERROR_H1 }).waitFor();

    // Her week, with an absence whose dates are the wrong way round.
    await anouk.page.goto('/beschikbaarheid');
    await anouk.page.getByLabel('Van', { exact: true }).fill('2030-03-10');
    await anouk.page.getByLabel('Tot en met').fill('2030-03-01');
    const absence = anouk.page.waitForResponse((r) => r.request().method() === 'POST');
    await submit(anouk.page, anouk.page.getByRole('button', { name: 'Afwezigheid toevoegen' }));
    assert.equal((await absence).status(), 422);
    assert.match(await anouk.page.locator('section:has(#absence-h)').getByRole('alert').textContent(), /de tweede niet voor de eerste/);
    await checkPage(anouk.page, 'POST /beschikbaarheid/afwezig (422, dates reversed)');

    // The wijkteam asks the brigade without saying what it knows.
    const asker = await session(t, 'wijkteam');
    await asker.page.goto('/verzoeken/nieuw');
    await asker.page.locator('#request-form').evaluate((f) => { f.noValidate = true; });
    const asked = asker.page.waitForResponse((r) => r.request().method() === 'POST');
    await submit(asker.page, asker.page.getByRole('button', { name: 'Verzoek versturen' }));
    assert.equal((await asked).status(), 422);
    assert.equal(here(asker.page), '/verzoeken');
    assert.match(await asker.page.getByRole('alert').textContent(), /Niet alles is goed ingevuld/);
    await asker.page.locator('#known ~ .field-error').waitFor();
    await checkPage(asker.page, 'POST /verzoeken (422, nothing known)');

    // A one-time link that does not exist, without logging in.
    const context = await newContext(demo.browser, demo.server.base, PHONE);
    t.after(() => context.close().catch(() => {}));
    const stranger = await context.newPage();
    await visit(stranger, '/verwijzing/bestaat-niet', 'unknown one-time link', 404);
    assert.match(await stranger.locator('main').textContent(), /Deze link kennen we niet/);

    assert.deepEqual(consoleStatuses(mo.errors), [403, 422, 422], 'the peer\'s console: the two refusals and the other peer\'s request');
    assert.deepEqual(consoleStatuses(anouk.errors), [422], 'the peer\'s console: the reversed dates');
    assert.deepEqual(consoleStatuses(asker.errors), [422], 'the wijkteam\'s console: the empty request');
  });

  it('the English version, and back to Dutch', { timeout: 300_000 }, async (t) => {
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
