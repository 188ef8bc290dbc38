// The Zelfregiecentrum in a browser, at phone size, on the demo:
//   a. a host counts five visitors in five taps and corrects one,
//   b. taps made without a connection wait on the phone and arrive once when it is back, and a
//      tap whose answer got lost is sent again and still counted once; a known visitor's check-in
//      made offline too, and taps wait through a new log-in,
//   f. a host notes a known visitor's rung on the Participatieladder and goal, only with their
//      consent, sees them go up a rung, and the visitor takes it back,
//   d. a host notices that a visitor is not doing well and passes it on to the brigade without a
//      name, and notes a known visitor's call-back; the day page follows both,
//   e. a visitor signs up for the full Thursday meal, waits third in line, moves up when the host
//      strikes names off, and then cancels with their own link,
//   c. a visitor's proposed activity is approved by the host and then appears on the public
//      calendar (no log-in) with the organiser's first name, and in its iCal feed.
// Every page visited is checked with axe (WCAG 2.1 A/AA) and must not scroll sideways at 360 px.
import { describe, it, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { useDemo, newContext, watchErrors, login, submit, checkPage, PHONE } from './helpers.mjs';

const DAY_PAGE = '/centrum/1';
const CALENDAR = '/centra/1';

function isoDateInDays(days) {
  const d = new Date(Date.now() + days * 86_400_000);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

// The count of the day part shown, as the page says it.
async function shownCount(page) {
  return Number(await page.locator('#tally-count strong').textContent());
}

async function waitForCount(page, n) {
  await page.waitForFunction((want) => {
    const el = document.querySelector('#tally-count strong');
    return el && Number(el.textContent) === want;
  }, n, { polling: 50 });
}

// Failed requests while the phone is offline show as console errors; anything else is a defect.
const unexpected = (errors) => errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|ERR_FAILED|Failed to fetch|net::/.test(e));

describe('Zelfregiecentrum journeys', { timeout: 600_000 }, () => {
  const demo = useDemo();
  let contexts = [];
  afterEach(async () => {
    await Promise.all(contexts.map((c) => c.close().catch(() => {})));
    contexts = [];
  });

  async function phone(user) {
    const context = await newContext(demo.browser, demo.server.base, PHONE);
    contexts.push(context);
    const page = await context.newPage();
    const errors = watchErrors(page);
    if (user) await login(page, user);
    return { context, page, errors };
  }

  it('a host counts five visitors in five taps and corrects one', async () => {
    const { page, errors } = await phone('gastvrouw');
    const res = await page.goto(DAY_PAGE);
    assert.equal(res.status(), 200);
    await checkPage(page, DAY_PAGE);
    const before = await shownCount(page);
    const plus = page.getByRole('button', { name: '+1 bezoeker' });
    for (let i = 1; i <= 5; i++) {
      await plus.click();
      await waitForCount(page, before + i);
    }
    await page.getByRole('button', { name: '−1 (vergissing)' }).click();
    await waitForCount(page, before + 4);
    await checkPage(page, `${DAY_PAGE} after counting`);
    await page.reload();
    assert.equal(await shownCount(page), before + 4, 'the server has counted four');
    assert.deepEqual(errors, []);
  });

  it('a visitor becomes known with consent, is checked in with two taps, and withdraws', async () => {
    const name = 'Zeno e2e';
    const { page, errors } = await phone('gastvrouw');
    const res = await page.goto('/centrum/1/bezoekers');
    assert.equal(res.status(), 200);
    await checkPage(page, '/centrum/1/bezoekers');
    await page.locator('#v-name').fill(name);
    await submit(page, page.getByRole('button', { name: 'Bekend maken' }));
    await page.getByText('Zonder toestemming tellen we de bezoeker alleen').first().waitFor();
    await checkPage(page, 'known visitor without consent');
    await page.getByLabel('De bezoeker heeft de tekst gehoord en zegt ja').check();
    await submit(page, page.getByRole('button', { name: 'Bekend maken' }));
    await page.getByText('De bezoeker is nu bekend bij het centrum').waitFor();
    await checkPage(page, 'a known visitor');

    await page.goto(DAY_PAGE);
    const before = await shownCount(page);
    await page.getByText('Bekende bezoeker inchecken').click();  // tap one: the list
    await page.getByRole('button', { name: name, exact: true }).click();  // tap two: the name
    await page.getByText('Ingecheckt. De bezoeker telt mee.').waitFor();
    await page.getByRole('button', { name: `${name} (vandaag binnen)` }).waitFor();
    assert.equal(await shownCount(page), before + 1, 'a check-in counts');
    await checkPage(page, `${DAY_PAGE} after a check-in`);

    await page.goto('/centrum/1/bezoekers');
    await page.getByRole('link', { name }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await submit(page, page.getByRole('button', { name: 'Toestemming intrekken' }));
    await page.getByText('De toestemming is ingetrokken').waitFor();
    assert.ok(!(await page.content()).includes(name), 'the name is gone');
    await page.goto(DAY_PAGE);
    assert.equal(await shownCount(page), before + 1, 'the visit still counts');
    assert.ok(!(await page.content()).includes(name));
    // The one answer that was not OK is the form sent without consent.
    assert.deepEqual(errors.filter((e) => !/status of 422/.test(e)), []);
    assert.equal(errors.length, 1);
  });

  it('a host notes where a known visitor stands on the ladder, with consent, and it is taken back', async () => {
    const name = 'Yara e2e';
    const { page, errors } = await phone('gastvrouw');
    const res = await page.goto('/centrum/1/bezoekers');
    assert.equal(res.status(), 200);
    await page.locator('#v-name').fill(name);
    await page.getByLabel('De bezoeker heeft de tekst gehoord en zegt ja').check();
    await submit(page, page.getByRole('button', { name: 'Bekend maken' }));
    await page.getByText('De bezoeker is nu bekend bij het centrum').waitFor();
    await submit(page, page.getByRole('link', { name: 'Meedoen over tijd bekijken of noteren' }));
    await page.getByRole('heading', { level: 1, name: 'Meedoen over tijd' }).waitFor();
    await checkPage(page, 'the participation page before any talk');
    await page.getByRole('radio', { name: /^Trede 2:/ }).check();
    await page.getByLabel(/Wat wil de bezoeker zelf/).fill('Weer op tijd mijn bed uit');
    await submit(page, page.getByRole('button', { name: 'Opslaan' }));
    await page.getByText('Zonder toestemming van de bezoeker slaan we hier niets op.').first().waitFor();
    assert.equal(await page.getByLabel(/Wat wil de bezoeker zelf/).inputValue(), 'Weer op tijd mijn bed uit');
    await checkPage(page, 'the participation form sent without consent');
    await page.getByLabel('De bezoeker heeft de tekst gehoord en zegt ja').check();
    await submit(page, page.getByRole('button', { name: 'Opslaan' }));
    await page.getByText('Het gesprek is opgeslagen.').waitFor();
    await page.getByText('Trede 2: Sociale contacten buiten de deur').first().waitFor();
    await checkPage(page, 'the participation page after a talk');
    await page.getByRole('radio', { name: /^Trede 3:/ }).check();
    await submit(page, page.getByRole('button', { name: 'Opslaan' }));
    await page.getByText('een trede omhoog').first().waitFor();
    await submit(page, page.getByRole('link', { name }));
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByText('Trede 3: Meedoen aan georganiseerde activiteiten').waitFor();
    await checkPage(page, 'a known visitor with their rung');
    await submit(page, page.getByRole('link', { name: 'Meedoen over tijd bekijken of noteren' }));
    await submit(page, page.getByRole('button', { name: 'Toestemming intrekken en alles wissen' }));
    await page.getByText('Alle gesprekken zijn gewist.').waitFor();
    assert.ok(!(await page.content()).includes('Weer op tijd mijn bed uit'), 'the goal is gone');
    assert.deepEqual(errors.filter((e) => !/status of 422/.test(e)), []);
  });

  it('the peer who came along makes the resident known, and the host checks them in', async () => {
    const name = 'Gerrit e2e';
    const peer = await phone('peer.anouk');
    const res = await peer.page.goto('/verzoeken');
    assert.equal(res.status(), 200);
    const requests = await peer.page.locator('a[href^="/verzoeken/"]').evaluateAll(
      (links) => links.map((a) => a.getAttribute('href')).filter((h) => /^\/verzoeken\/\d+$/.test(h)));
    let found = null;
    for (const href of requests) {
      await peer.page.goto(href);
      if (await peer.page.getByRole('link', { name: 'Bekend maken bij het centrum' }).count()) {
        found = href;
        break;
      }
    }
    assert.ok(found, 'Anouk holds a Meerburg request whose resident is not known yet');
    await peer.page.getByRole('link', { name: 'Bekend maken bij het centrum' }).click();
    await peer.page.locator('#v-name').fill(name);
    await peer.page.getByLabel('De bewoner heeft de tekst gehoord en zegt ja').check();
    await checkPage(peer.page, `${found}/centrum`);
    await submit(peer.page, peer.page.getByRole('button', { name: 'Bekend maken' }));
    await peer.page.getByText('De bewoner is nu bekend bij het centrum').waitFor();
    await peer.page.getByText(`als ${name}`).waitFor();
    assert.deepEqual(peer.errors, []);

    const host = await phone('gastvrouw');
    await host.page.goto(DAY_PAGE);
    await host.page.getByText('Bekende bezoeker inchecken').click();
    await host.page.getByRole('button', { name, exact: true }).click();
    await host.page.getByText('Ingecheckt. De bezoeker telt mee.').waitFor();
    await peer.page.reload();
    await peer.page.getByText('1 keer geweest').waitFor();
    assert.deepEqual(host.errors, []);
  });

  it('taps made offline arrive once, and a tap whose answer got lost counts once', async () => {
    const { context, page, errors } = await phone('gastvrouw');
    await page.goto(DAY_PAGE);
    const before = await shownCount(page);
    const plus = page.getByRole('button', { name: '+1 bezoeker' });

    await context.setOffline(true);
    await plus.click();
    await plus.click();
    const queue = page.locator('#tally-queue');
    await queue.filter({ hasText: '2 tikken bewaard' }).waitFor();
    assert.equal(await shownCount(page), before, 'nothing counted while offline');
    await checkPage(page, `${DAY_PAGE} offline`);
    await context.setOffline(false);
    await waitForCount(page, before + 2);
    await queue.filter({ hasText: 'Alle tikken zijn verstuurd' }).waitFor();

    // The server counts the next tap, but its answer never reaches the phone: the page sends it
    // again with the same key, and the count goes up by one.
    let lost = 0;
    await page.route('**/centrum/1/tellen', async (route) => {
      if (lost++ === 0) {
        await route.fetch();
        await route.abort('connectionreset');
      } else {
        await route.continue();
      }
    });
    await plus.click();
    await waitForCount(page, before + 3);
    await page.unroute('**/centrum/1/tellen');
    assert.equal(lost, 2, 'sent twice');

    // A proxy's 502 is no answer of Meedoen's: the tap waits, and goes again.
    let failed = 0;
    await page.route('**/centrum/1/tellen', async (route) => {
      if (failed++ === 0) await route.fulfill({ status: 502, body: 'Bad Gateway' });
      else await route.continue();
    });
    await plus.click();
    await waitForCount(page, before + 4);
    await page.unroute('**/centrum/1/tellen');
    assert.equal(failed, 2, 'sent again after the 502');
    await page.reload();
    assert.equal(await shownCount(page), before + 4, 'counted once each');
    assert.deepEqual(unexpected(errors).filter((e) => !/status of 502/.test(e)), []);
  });

  it('a known visitor checked in offline arrives once, and taps wait through a new log-in', async () => {
    const { context, page, errors } = await phone('gastvrouw');
    await page.goto(DAY_PAGE);
    const before = await shownCount(page);
    await page.getByText('Bekende bezoeker inchecken').click();
    // A known visitor who is not in yet today.
    const button = page.locator('form[data-check-in] button:not(:has(.in-today))').first();
    const name = (await button.textContent()).trim();

    await context.setOffline(true);
    await button.click();
    const queue = page.locator('#tally-queue');
    await queue.filter({ hasText: '1 tik bewaard' }).waitFor();
    await page.getByRole('button', { name: `${name} (vandaag binnen)` }).waitFor();
    await checkPage(page, `${DAY_PAGE} check-in offline`);
    await context.setOffline(false);
    await waitForCount(page, before + 1);
    await page.getByText('Ingecheckt. De bezoeker telt mee.').waitFor();
    await page.reload();
    assert.equal(await shownCount(page), before + 1, 'counted once');
    await page.getByText('Bekende bezoeker inchecken').click();
    await page.getByRole('button', { name: `${name} (vandaag binnen)` }).waitFor();

    // The log-in ends while the phone is in use: the tap waits, and goes after the new log-in.
    await context.clearCookies();
    await page.getByRole('button', { name: '+1 bezoeker' }).click();
    await queue.filter({ hasText: 'U bent niet meer ingelogd' }).waitFor();
    await checkPage(page, `${DAY_PAGE} logged out`);
    await login(page, 'gastvrouw');
    await page.goto(DAY_PAGE);
    await waitForCount(page, before + 2);
    await page.reload();
    assert.equal(await shownCount(page), before + 2, 'the waiting tap was counted once');
    // The refused tap shows as the one 403 in the console.
    assert.deepEqual(unexpected(errors).filter((e) => !/status of 403/.test(e)), []);
  });

  it('a visitor proposes an activity, the host approves it, and the public calendar shows it', async () => {
    const title = 'Zingen met Fatima e2e';
    const { page, errors } = await phone('gastvrouw');
    const res = await page.goto('/centrum/1/activiteiten');
    assert.equal(res.status(), 200);
    await checkPage(page, '/centrum/1/activiteiten');
    await page.locator('#a-title').fill(title);
    await page.locator('#a-date').fill(isoDateInDays(1));
    await page.locator('#a-time').fill('15:00');
    await page.locator('#a-dur').fill('60');
    await page.locator('#a-repeat').selectOption('once');
    await page.locator('#a-org').fill('Fatima');
    await page.getByLabel('De organisator wil deze naam op de openbare kalender').check();
    await page.getByLabel('Dit is een voorstel van een bezoeker: eerst bespreken').check();
    await submit(page, page.getByRole('button', { name: 'Opslaan' }));
    await page.getByText('Het voorstel is bewaard').waitFor();
    await checkPage(page, 'after a proposal');

    const visitor = await phone(null);
    let cal = await visitor.page.goto(CALENDAR);
    assert.equal(cal.status(), 200);
    assert.ok(!(await visitor.page.content()).includes(title), 'a proposal is not public yet');

    await submit(page, page.getByRole('button', { name: `Goedkeuren ${title}` }));
    await page.getByText('Goedgekeurd').waitFor();

    cal = await visitor.page.goto(CALENDAR);
    assert.equal(cal.status(), 200);
    await checkPage(visitor.page, CALENDAR);
    const item = visitor.page.locator('.calendar-item', { hasText: title });
    await item.getByText('Georganiseerd door Fatima').waitFor();
    await submit(visitor.page, item.getByRole('link', { name: title }));
    await checkPage(visitor.page, 'the activity\'s page');
    const feedLink = await visitor.page.getByRole('link', { name: 'Deze activiteit in een agenda-app (iCal)' })
      .getAttribute('href');
    const feed = await visitor.page.request.get(feedLink);
    assert.equal(feed.status(), 200);
    assert.match(await feed.text(), /SUMMARY:Zingen met Fatima e2e/);
    assert.deepEqual(errors, []);
    assert.deepEqual(visitor.errors, []);
  });

  it('a host\'s "not doing well" goes to the brigade, or becomes a call-back, and the day page follows it', async () => {
    const { page, errors } = await phone('gastvrouw');
    await page.goto(DAY_PAGE);
    await submit(page, page.getByRole('link', { name: 'Het gaat niet goed met iemand' }));
    assert.equal(new URL(page.url()).pathname, `${DAY_PAGE}/zorg`);
    await checkPage(page, `${DAY_PAGE}/zorg`);
    // Forgetting where it goes is said, and the text is kept.
    const text = 'Vertelde dat ze al weken slecht slaapt en niemand spreekt. Test e2e-8812.';
    await page.getByLabel('Wat vertelde de bezoeker?').fill(text);
    await page.evaluate(() => document.querySelector('form[action$="/zorg"]').setAttribute('novalidate', ''));
    await submit(page, page.getByRole('button', { name: 'Doorgeven' }));
    await page.locator('.alert-error').waitFor();
    await checkPage(page, 'the concern form with an error');
    assert.equal(await page.getByLabel('Wat vertelde de bezoeker?').inputValue(), text);
    await page.getByLabel('Iemand van de brigade komt langs voor een praatje').check();
    await submit(page, page.getByRole('button', { name: 'Doorgeven' }));
    await page.getByText('Doorgegeven. Hieronder ziet u wat ermee gebeurt.').waitFor();
    const passed = page.locator('section', { hasText: 'Doorgegeven: wat gebeurt ermee?' });
    await passed.getByText('Iemand van de brigade komt langs voor een praatje: nog niet opgepakt').first().waitFor();
    await checkPage(page, `${DAY_PAGE} with a concern passed on`);

    // A known visitor who would like a call: it stays on the day page until it is made.
    await page.goto(`${DAY_PAGE}/zorg`);
    await page.getByLabel('Wat vertelde de bezoeker?').fill('Wil graag vrijdag even gebeld worden over het uitje.');
    await page.getByLabel('De bezoeker wil dat iemand van het centrum terugbelt').check();
    await page.getByLabel('Over wie gaat het?').selectOption({ label: 'Bram' });
    await page.getByLabel('De bezoeker heeft de tekst gehoord en zegt ja').check();
    await submit(page, page.getByRole('button', { name: 'Doorgeven' }));
    await page.getByText('Genoteerd. Het staat hieronder bij Terugbellen.').waitFor();
    await checkPage(page, `${DAY_PAGE} with a call-back`);
    await submit(page, page.getByRole('button', { name: 'Teruggebeld Bram' }));
    await page.getByText('Afgevinkt: er is teruggebeld.').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Teruggebeld Bram' }).count(), 0);
    assert.deepEqual(errors.filter((e) => !/status of 422/.test(e)), []);
  });

  it('a visitor on the waiting list moves up when the host strikes names off, and cancels', async () => {
    const visitor = await phone(null);
    const cal = await visitor.page.goto(CALENDAR);
    assert.equal(cal.status(), 200);
    // The first meal that one can still sign up for (on a Thursday evening, tonight's has begun).
    const meal = visitor.page.locator('.calendar-item', { hasText: 'Samen eten' })
      .filter({ has: visitor.page.getByRole('link', { name: /^Aanmelden/ }) }).first();
    await submit(visitor.page, meal.getByRole('link', { name: /^Aanmelden/ }));
    await checkPage(visitor.page, 'the sign-up form');
    const form = new URL(visitor.page.url()).pathname;
    await visitor.page.getByText('Alle plaatsen zijn bezet').waitFor();
    await visitor.page.getByLabel('Voornaam of bijnaam').fill('Wim e2e');
    await submit(visitor.page, visitor.page.getByRole('button', { name: 'Aanmelden' }));
    await visitor.page.getByText('op de wachtlijst, op nummer 3').waitFor();
    await checkPage(visitor.page, 'the visitor\'s own sign-up page');
    const mine = new URL(visitor.page.url()).pathname;

    const [, id, date] = form.match(/^\/centra\/1\/activiteiten\/(\d+)\/aanmelden\/([\d-]+)$/);
    const { page, errors } = await phone('gastvrouw');
    const res = await page.goto(`/activiteiten/${id}/keer/${date}`);
    assert.equal(res.status(), 200);
    await checkPage(page, 'the host\'s list of one occurrence');
    for (const name of ['Ans', 'Bo', 'Cor']) {
      await submit(page, page.getByRole('button', { name: `Doorhalen ${name}`, exact: true }));
      await page.getByText('Doorgehaald').waitFor();
    }
    await checkPage(page, 'the list after striking names off');

    const again = await visitor.page.goto(mine);
    assert.equal(again.status(), 200);
    await visitor.page.getByText('aangemeld, er is een plaats').waitFor();
    await submit(visitor.page, visitor.page.getByRole('button', { name: 'Afmelden' }));
    await visitor.page.getByText('Afgemeld. De plaats gaat naar een ander.').waitFor();
    await checkPage(visitor.page, 'after cancelling');
    assert.deepEqual(errors, []);
    assert.deepEqual(visitor.errors, []);
  });
});
