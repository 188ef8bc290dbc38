// The main journeys in a browser, in order, on one demo server:
//   1. a member raises a signal on a phone,
//   2. the chair runs the meeting and records a decision (and attendance),
//   3. the action's owner sees who it is about and marks it done,
//   4. a chair of another wijk cannot open the signal.
// Every page visited is checked with axe (WCAG 2.1 A/AA); phone pages must not scroll sideways.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, launchBrowser, newContext, watchErrors, login, checkA11y, checkPhonePage, PHONE, LAPTOP,
} from './helpers.mjs';

const RESIDENT_NAME = 'Karel Testpersoon';
const RESIDENT_ADDRESS = 'Teststraat 99';
const DESCRIPTION = 'Meneer zit al weken alleen thuis en de brievenbus puilt uit. Testmelding e2e-7731.';
const SUMMARY = 'Bewoner is bij niemand in beeld. Het wijkteam gaat langs voor een eerste gesprek.';
const DONE_NOTE = 'Langs geweest; bewoner wil graag naar de inloop komen.';
const CATEGORIES = ['Eenzaam of weinig contact', 'Lang niet buiten gezien'];
const PRESENT_ORGS = ['Huisartsenpraktijk Meerburg', 'Sociaal Wijkteam Leiden'];

function isoDateInDays(days) {
  const d = new Date(Date.now() + days * 86_400_000);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
const DUE = isoDateInDays(21);

describe('signaleringsoverleg journeys', { timeout: 90_000 }, () => {
  let server;
  let browser;
  // What the journeys pass on to each other.
  const state = { signalId: null, code: null, meetingId: null };
  // Each test gets its own browser context (own session); closed after the test.
  let contexts = [];

  async function openPage(size) {
    const context = await newContext(browser, server.base, size);
    contexts.push(context);
    const page = await context.newPage();
    const errors = watchErrors(page);
    return { page, errors };
  }

  function needSignal() {
    assert.ok(state.signalId && state.code, 'journey 1 (raising the signal) did not complete');
  }

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  after(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close().catch(() => {});
    await server?.stop();
  });

  async function closeContexts() {
    for (const c of contexts) await c.close().catch(() => {});
    contexts = [];
  }

  it('1. a member raises a signal at phone size and sees the pseudonym and the name', async (t) => {
    t.after(closeContexts);
    const { page, errors } = await openPage(PHONE);

    await login(page, 'huisarts');
    assert.match(new URL(page.url()).pathname, /^\/$/);
    await assert.doesNotReject(page.getByRole('heading', { level: 1, name: /Dokter Anna Vermeer/ }).waitFor());
    await checkPhonePage(page, 'start (huisarts)');

    const form = await page.goto('/signalen/nieuw');
    assert.equal(form.status(), 200);
    await page.getByRole('heading', { level: 1, name: 'Signaal melden' }).waitFor();
    await checkPhonePage(page, '/signalen/nieuw');

    for (const label of CATEGORIES) await page.getByRole('checkbox', { name: label }).check();
    await page.getByLabel('Wat ziet u of hoort u?').fill(DESCRIPTION);
    // The identity fields sit in a closed <details>; open it and type the name and address.
    const details = page.locator('details.identity-details');
    assert.equal(await details.evaluate((d) => d.open), false, 'identity details start closed');
    await page.getByText('Naam en adres (niet verplicht)').click();
    assert.equal(await details.evaluate((d) => d.open), true);
    await page.locator('#name').fill(RESIDENT_NAME);
    await page.locator('#address').fill(RESIDENT_ADDRESS);
    // The form as filled in (details open) must be accessible and fit the phone too.
    await checkPhonePage(page, '/signalen/nieuw (filled in)');
    // The htmx meldcode check runs on changes; nothing here points to the meldcode.
    await assert.rejects(page.locator('#meldcode-live .meldcode').waitFor({ timeout: 1500 }));

    await Promise.all([
      page.waitForURL(/\/signalen\/\d+\?nieuw=1$/),
      page.getByRole('button', { name: 'Signaal opslaan' }).click(),
    ]);
    state.signalId = Number(new URL(page.url()).pathname.split('/').pop());

    await assert.doesNotReject(page.getByRole('status').filter({ hasText: 'Het signaal is opgeslagen.' }).waitFor());
    const h1 = (await page.getByRole('heading', { level: 1 }).textContent()).trim();
    const m = h1.match(/^Signaal (R-[2-9A-HJ-NP-Z]{4})$/);
    assert.ok(m, `heading shows a pseudonym code: "${h1}"`);
    state.code = m[1];
    const main = page.locator('main');
    await assert.doesNotReject(main.getByText(DESCRIPTION).waitFor());
    assert.match(await main.textContent(), /Eenzaam of weinig contact, Lang niet buiten gezien/);

    // The raiser sees who it is about, and why.
    const identity = page.locator('section', { has: page.getByRole('heading', { name: 'Wie is het?' }) });
    const identityText = await identity.textContent();
    assert.ok(identityText.includes(RESIDENT_NAME), 'raiser sees the resident\'s name');
    assert.ok(identityText.includes(RESIDENT_ADDRESS), 'raiser sees the resident\'s address');
    assert.ok(identityText.includes('u het signaal heeft gemeld'), 'the reason for showing it is given');
    await checkPhonePage(page, `/signalen/${state.signalId}`);

    // The list shows the new signal under its code, without the name.
    await page.goto(`/signalen?code=${state.code}`);
    const row = page.locator('.signal-item', { hasText: state.code });
    await assert.doesNotReject(row.waitFor());
    assert.ok(!(await page.locator('main').textContent()).includes(RESIDENT_NAME), 'no name in the list');
    await checkPhonePage(page, '/signalen (filtered on the code)');

    assert.deepEqual(errors, [], 'no console errors (CSP, scripts)');
  });

  it('2. the chair runs the meeting, records attendance and a decision; the minutes have no names', async (t) => {
    t.after(closeContexts);
    needSignal();
    const { page, errors } = await openPage(LAPTOP);
    await login(page, 'voorzitter');
    await checkA11y(page, 'start (voorzitter)');

    await page.goto('/overleggen');
    await checkA11y(page, '/overleggen');
    const upcoming = page.locator('section', { has: page.getByRole('heading', { name: 'Gepland' }) });
    const link = upcoming.getByRole('link', { name: /^Meerburg, / }).first();
    await assert.doesNotReject(link.waitFor(), 'an upcoming Meerburg meeting is listed');
    await Promise.all([page.waitForURL(/\/overleggen\/\d+$/), link.click()]);
    state.meetingId = Number(new URL(page.url()).pathname.split('/').pop());
    await page.getByRole('heading', { level: 1, name: 'Signaleringsoverleg Meerburg' }).waitFor();
    await checkA11y(page, `/overleggen/${state.meetingId}`);

    // The signal was raised after the agenda was made: the chair brings the agenda up to date.
    const item = page.locator('li.agenda-item', { has: page.locator(`a[href="/signalen/${state.signalId}"]`) });
    if (await item.count() === 0) {
      await Promise.all([
        page.waitForURL(/#agenda$/),
        page.getByRole('button', { name: 'Agenda bijwerken' }).click(),
      ]);
    }
    await assert.doesNotReject(item.waitFor(), 'the new signal is on the agenda');
    assert.ok((await item.textContent()).includes(DESCRIPTION), 'the item shows what was signalled');
    assert.ok(!(await page.locator('main').textContent()).includes(RESIDENT_NAME), 'no name on the meeting page');
    await checkA11y(page, `/overleggen/${state.meetingId} (agenda refreshed)`);

    // Attendance.
    const attendance = page.locator('#aanwezig');
    for (const org of PRESENT_ORGS) await attendance.getByRole('checkbox', { name: `Aanwezig: ${org}` }).check();
    await attendance.getByRole('textbox', { name: 'Wie: Sociaal Wijkteam Leiden' }).fill('Noor Hamdi');
    await Promise.all([
      page.waitForURL(/#aanwezig$/),
      attendance.getByRole('button', { name: 'Aanwezigheid opslaan' }).click(),
    ]);
    for (const org of PRESENT_ORGS)
      assert.equal(await attendance.getByRole('checkbox', { name: `Aanwezig: ${org}` }).isChecked(), true, `${org} present`);
    assert.equal(await attendance.getByRole('checkbox', { name: 'Aanwezig: Brijder Verslavingszorg' }).isChecked(), false);
    assert.equal(await attendance.getByRole('textbox', { name: 'Wie: Sociaal Wijkteam Leiden' }).inputValue(), 'Noor Hamdi');
    await checkA11y(page, `/overleggen/${state.meetingId} (attendance saved)`);

    // The decision for the new signal.
    assert.doesNotMatch(await item.getAttribute('class'), /is-recorded/, 'the item is not recorded yet');
    await item.getByLabel('Wat is besproken? (zonder namen)').fill(SUMMARY);
    await item.getByLabel('Wie pakt het op?').selectOption({ label: 'Sociaal wijkteam' });
    const owner = item.getByLabel('Wie doet het?');
    const ownerLabel = await owner.locator('option', { hasText: 'Noor Hamdi' }).first().textContent();
    await owner.selectOption({ label: ownerLabel });
    await item.getByLabel('Klaar op').fill(DUE);
    await Promise.all([
      page.waitForURL(/#punt-\d+$/),
      item.getByRole('button', { name: 'Besluit opslaan' }).click(),
    ]);

    assert.match(await item.getAttribute('class'), /is-recorded/);
    const itemText = await item.textContent();
    assert.match(itemText, /Besluit:\s*Sociaal wijkteam/, 'the item shows the decision');
    assert.match(itemText, new RegExp(`Actie: Sociaal wijkteam · Noor Hamdi · klaar op ${DUE} · Open`, 'i'),
      `the item shows the action: ${itemText}`);
    assert.equal(await item.getByLabel('Wat is besproken? (zonder namen)').inputValue(), SUMMARY);
    await checkA11y(page, `/overleggen/${state.meetingId} (decision recorded)`);

    // The printable minutes: decision and attendance, code instead of a name.
    const minutes = await page.goto(`/overleggen/${state.meetingId}/notulen`);
    assert.equal(minutes.status(), 200);
    const html = await page.content();
    const text = await page.locator('body').textContent();
    assert.ok(text.includes(state.code), 'the minutes name the resident by code');
    assert.ok(text.includes(SUMMARY), 'the minutes have the summary');
    assert.match(text, /Besluit: Sociaal wijkteam/);
    assert.ok(text.includes('Noor Hamdi'), 'the minutes say who acts');
    for (const org of PRESENT_ORGS) assert.ok(text.includes(org), `the minutes list ${org} as present`);
    assert.ok(!html.includes(RESIDENT_NAME), 'the resident\'s name is not in the minutes');
    assert.ok(!html.includes('Karel') && !html.includes('Testpersoon'), 'no part of the name in the minutes');
    assert.ok(!html.includes(RESIDENT_ADDRESS), 'the resident\'s address is not in the minutes');
    await checkA11y(page, `/overleggen/${state.meetingId}/notulen`);

    // The signal now shows the discussion and the running action.
    await page.goto(`/signalen/${state.signalId}`);
    const main = await page.locator('main').textContent();
    assert.match(main, /Acties lopen/);
    assert.match(main, /Besproken in het overleg: Sociaal wijkteam/);
    assert.ok(!main.includes(RESIDENT_NAME), 'the chair does not see the name without a reason');
    await checkA11y(page, `/signalen/${state.signalId} (chair)`);

    assert.deepEqual(errors, [], 'no console errors (CSP, scripts)');
  });

  it('3. the action\'s owner sees who it is about and marks the action done', async (t) => {
    t.after(closeContexts);
    needSignal();
    const { page, errors } = await openPage(PHONE);
    await login(page, 'wijkteam');
    await checkPhonePage(page, 'start (wijkteam)');

    await page.goto('/acties');
    await page.getByRole('heading', { level: 1, name: 'Mijn acties' }).waitFor();
    const action = page.locator('li.card', { has: page.locator(`a[href="/signalen/${state.signalId}"]`) });
    await assert.doesNotReject(action.waitFor(), 'the new action is in "Mijn acties"');
    const actionText = await action.textContent();
    assert.ok(actionText.includes(state.code));
    assert.ok(actionText.includes('Sociaal wijkteam'));
    assert.ok(actionText.includes(DUE), 'the due date is shown');
    const identity = action.locator('dl.identity');
    assert.ok((await identity.textContent()).includes(RESIDENT_NAME), 'the owner sees the resident\'s name');
    assert.ok((await identity.textContent()).includes(RESIDENT_ADDRESS), 'the owner sees the address');
    await checkPhonePage(page, '/acties');

    await action.getByLabel('Korte notitie').fill(DONE_NOTE);
    await Promise.all([
      page.waitForURL(/\/acties$/),
      action.getByRole('button', { name: 'Gedaan' }).click(),
    ]);
    await page.getByRole('heading', { level: 1, name: 'Mijn acties' }).waitFor();
    assert.equal(await action.count(), 0, 'the action is no longer open');
    const settled = page.locator('section', { has: page.getByRole('heading', { name: 'Afgeronde acties' }) })
      .locator('li', { has: page.locator(`a[href="/signalen/${state.signalId}"]`) });
    await assert.doesNotReject(settled.waitFor());
    const settledText = await settled.textContent();
    assert.match(settledText, /Gedaan/);
    assert.ok(settledText.includes(DONE_NOTE), 'the note is kept');
    assert.ok(!(await page.locator('main').textContent()).includes(RESIDENT_NAME),
      'with the action done, the name is no longer shown');
    await checkPhonePage(page, '/acties (after marking done)');

    await page.goto(`/signalen/${state.signalId}`);
    const main = await page.locator('main').textContent();
    assert.match(main, /Actie afgerond: Gedaan/);
    assert.ok(main.includes(DONE_NOTE));
    await checkPhonePage(page, `/signalen/${state.signalId} (wijkteam)`);

    assert.deepEqual(errors, [], 'no console errors (CSP, scripts)');
  });

  it('4. a chair of another wijk gets the Dutch 403 page without the resident\'s data', async (t) => {
    t.after(closeContexts);
    needSignal();
    const { page, errors } = await openPage(LAPTOP);
    await login(page, 'voorzitter.stevenshof');
    await checkA11y(page, 'start (voorzitter.stevenshof)');

    const res = await page.goto(`/signalen/${state.signalId}`);
    assert.equal(res.status(), 403);
    await page.getByRole('heading', { level: 1, name: 'Dat lukt niet' }).waitFor();
    assert.match(await page.getByRole('alert').textContent(), /U mag dit niet bekijken/);
    const html = await page.content();
    for (const secret of [RESIDENT_NAME, RESIDENT_ADDRESS, DESCRIPTION, state.code])
      assert.ok(!html.includes(secret), `the 403 page does not contain "${secret}"`);
    await checkA11y(page, `/signalen/${state.signalId} (403)`);

    // Nor can the meeting or the minutes be opened, and the list does not show the signal.
    for (const path of [`/overleggen/${state.meetingId}`, `/overleggen/${state.meetingId}/notulen`]) {
      if (!state.meetingId) break;
      const r = await page.goto(path);
      assert.equal(r.status(), 403, `${path} is forbidden`);
      assert.match(await page.getByRole('alert').textContent(), /U mag dit niet bekijken/);
      await checkA11y(page, `${path} (403)`);
    }
    await page.goto(`/signalen?code=${state.code}`);
    assert.equal(await page.locator(`a[href="/signalen/${state.signalId}"]`).count(), 0);
    assert.ok(!(await page.content()).includes(DESCRIPTION));
    await checkA11y(page, '/signalen (voorzitter.stevenshof)');

    // 403 is the expected answer here; the browser logs it as a failed resource.
    assert.deepEqual(errors.filter((e) => !/status of 403/.test(e)), [], 'no other console errors');
  });
});
