// The main journeys in a browser, in order, on one demo server:
//   1. a member raises a signal on a phone,
//   2. the chair runs the meeting, records attendance and a decision, and prints the minutes,
//   3. the action's owner sees who it is about and marks it done,
//   4. a chair of another wijk cannot open the signal.
// Every page visited is checked with axe (WCAG 2.1 A/AA) and must not scroll sideways (360 px on
// the phone). Journeys 2-4 build on journey 1 and say so when it did not complete.
import { describe, it, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  useDemo, newContext, watchErrors, login, submit, checkPage, PHONE, LAPTOP, consoleStatuses,
} from './helpers.mjs';

const RESIDENT_NAME = 'Karel Testpersoon';
const RESIDENT_ADDRESS = 'Teststraat 99';
const DESCRIPTION = 'Meneer zit al weken alleen thuis en de brievenbus puilt uit. Testmelding e2e-7731.';
const SUMMARY = 'Bewoner is bij niemand in beeld. Het wijkteam gaat langs voor een eerste gesprek.';
const DONE_NOTE = 'Langs geweest; bewoner wil graag naar de inloop komen.';
const CATEGORIES = ['Eenzaam of weinig contact', 'Lang niet buiten gezien'];
const PRESENT_ORGS = ['Huisartsenpraktijk Meerburg', 'Sociaal Wijkteam Leiden'];
const PSEUDONYM = /^R-[2-9A-HJ-NP-Z]{4}$/;

function isoDateInDays(days) {
  const d = new Date(Date.now() + days * 86_400_000);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
const DUE = isoDateInDays(21);

const path = (page) => new URL(page.url()).pathname + new URL(page.url()).search + new URL(page.url()).hash;

describe('signaleringsoverleg journeys', { timeout: 900_000 }, () => {
  const demo = useDemo();
  let contexts = [];
  // What the journeys pass on to each other.
  const state = { signalId: null, code: null, meetingId: null };

  // A page in a fresh context (its own session); console errors (CSP, scripts) are collected.
  async function openPage(size) {
    const context = await newContext(demo.browser, demo.server.base, size);
    contexts.push(context);
    const page = await context.newPage();
    return { page, errors: watchErrors(page) };
  }

  function needSignal() {
    assert.ok(state.signalId && state.code, 'journey 1 (raising the signal) did not complete');
  }

  afterEach(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    contexts = [];
  });

  it('1. a member raises a signal at phone size and sees the pseudonym and the name', { timeout: 300_000 }, async () => {
    const { page, errors } = await openPage(PHONE);

    await login(page, 'huisarts');
    await page.getByRole('heading', { level: 1, name: /Dokter Anna Vermeer/ }).waitFor();
    await checkPage(page, 'start (huisarts)');

    const form = await page.goto('/signalen/nieuw');
    assert.equal(form.status(), 200);
    await page.getByRole('heading', { level: 1, name: 'Signaal melden' }).waitFor();
    await checkPage(page, '/signalen/nieuw');

    // Choosing a category makes htmx ask the server whether the meldcode applies (CSRF header, no
    // inline script), before any description is typed: the domestic-violence category shows the
    // meldcode steps, and they go away again when it is unticked.
    const live = page.locator('#meldcode-live');
    const violence = page.getByRole('checkbox', { name: 'Zorgen over huiselijk geweld' });
    await violence.check();
    await live.getByRole('heading', { name: /Meldcode/ }).waitFor();
    await checkPage(page, '/signalen/nieuw (meldcode steps shown)');
    await violence.uncheck();
    await live.locator('.meldcode').waitFor({ state: 'detached' });

    const meldcodeCheck = page.waitForResponse((r) => new URL(r.url()).pathname === '/signalen/meldcode-check');
    for (const label of CATEGORIES) await page.getByRole('checkbox', { name: label }).check();
    assert.equal((await meldcodeCheck).status(), 200, 'the live meldcode check answers');
    await page.waitForFunction(() => !document.querySelector('#meldcode-live').classList.contains('htmx-request'));
    assert.equal(await live.locator('.meldcode').count(), 0, 'no meldcode steps for these categories');

    await page.getByLabel('Wat ziet u of hoort u?').fill(DESCRIPTION);
    // The identity fields sit in a closed <details>: open it and type the name and address.
    const details = page.locator('details.identity-details');
    assert.equal(await details.evaluate((d) => d.open), false, 'the identity fields start folded away');
    await page.getByText('Naam en adres (niet verplicht)').click();
    assert.equal(await details.evaluate((d) => d.open), true);
    await page.locator('#name').fill(RESIDENT_NAME);
    await page.locator('#address').fill(RESIDENT_ADDRESS);
    await checkPage(page, '/signalen/nieuw (filled in, identity open)');

    await submit(page, page.getByRole('button', { name: 'Signaal opslaan' }));
    assert.match(path(page), /^\/signalen\/\d+\?nieuw=1$/, 'after saving, the signal page opens');
    state.signalId = Number(new URL(page.url()).pathname.split('/').pop());

    assert.equal((await page.getByRole('status').textContent()).trim(), 'Het signaal is opgeslagen.');
    const h1 = (await page.getByRole('heading', { level: 1 }).textContent()).trim();
    const code = h1.replace(/^Signaal /, '');
    assert.match(code, PSEUDONYM, `the heading shows a pseudonym code: "${h1}"`);
    state.code = code;
    const main = page.locator('main');
    assert.ok((await main.textContent()).includes(DESCRIPTION), 'the description is shown');
    assert.ok((await main.textContent()).includes(CATEGORIES.join(', ')), 'the categories are shown');

    // The raiser sees who it is about, and why.
    const identity = page.locator('section', { has: page.getByRole('heading', { name: 'Wie is het?' }) });
    const identityText = await identity.textContent();
    assert.ok(identityText.includes(RESIDENT_NAME), 'the raiser sees the resident\'s name');
    assert.ok(identityText.includes(RESIDENT_ADDRESS), 'the raiser sees the resident\'s address');
    assert.ok(identityText.includes('u het signaal heeft gemeld'), 'the reason for showing it is given');
    // Fields left empty are not shown as empty rows.
    for (const label of ['Telefoon', 'Geboortejaar', 'Andere dingen waaraan je iemand herkent'])
      assert.equal(await identity.getByText(label, { exact: true }).isVisible(), false, `no empty "${label}" row`);
    assert.equal(await main.getByText(/^Regisseur:/).isVisible(), false, 'no empty "Regisseur:" line');
    await checkPage(page, `/signalen/${state.signalId}`);

    // The list finds the signal by its code and does not show the name.
    await page.goto(`/signalen?code=${state.code}`);
    assert.equal(await page.locator('.signal-item', { hasText: state.code }).count(), 1);
    assert.ok(!(await main.textContent()).includes(RESIDENT_NAME), 'no name in the list');
    await checkPage(page, '/signalen?code=…');

    assert.deepEqual(errors, [], 'no console errors (CSP, scripts)');
  });

  it('2. the chair runs the meeting, records attendance and a decision; the minutes have no names', { timeout: 300_000 }, async () => {
    needSignal();
    const { page, errors } = await openPage(LAPTOP);
    await login(page, 'voorzitter');
    await checkPage(page, 'start (voorzitter)');

    await page.goto('/overleggen');
    await checkPage(page, '/overleggen');
    const upcoming = page.locator('section', { has: page.getByRole('heading', { name: 'Gepland' }) });
    const link = upcoming.getByRole('link', { name: /^Meerburg, / }).first();
    assert.equal(await link.count(), 1, 'an upcoming Meerburg meeting is listed');
    await link.click();
    await page.waitForURL(/\/overleggen\/\d+$/);
    state.meetingId = Number(new URL(page.url()).pathname.split('/').pop());
    await page.getByRole('heading', { level: 1, name: 'Signaleringsoverleg Meerburg' }).waitFor();
    await checkPage(page, `/overleggen/${state.meetingId}`);

    // A new signal goes onto the next agenda; if it is not there yet, the chair updates the agenda.
    const item = page.locator('li.agenda-item', { has: page.locator(`a[href="/signalen/${state.signalId}"]`) });
    if (await item.count() === 0) {
      await submit(page, page.getByRole('button', { name: 'Agenda bijwerken' }));
      await checkPage(page, `/overleggen/${state.meetingId} (agenda updated)`);
    }
    assert.equal(await item.count(), 1, 'the new signal is on the agenda');
    assert.ok((await item.textContent()).includes(DESCRIPTION), 'the item shows what was signalled');
    assert.ok((await item.textContent()).includes(state.code), 'the item shows the code');
    assert.ok(!(await page.locator('main').textContent()).includes(RESIDENT_NAME), 'no name on the meeting page');

    // Attendance.
    const attendance = page.locator('#aanwezig');
    for (const org of PRESENT_ORGS) await attendance.getByRole('checkbox', { name: `Aanwezig: ${org}` }).check();
    await attendance.getByRole('textbox', { name: 'Wie: Sociaal Wijkteam Leiden' }).fill('Noor Hamdi');
    await submit(page, attendance.getByRole('button', { name: 'Aanwezigheid opslaan' }));
    assert.match(path(page), new RegExp(`^/overleggen/${state.meetingId}#aanwezig$`));
    for (const org of PRESENT_ORGS)
      assert.equal(await attendance.getByRole('checkbox', { name: `Aanwezig: ${org}` }).isChecked(), true, `${org} present`);
    assert.equal(await attendance.getByRole('checkbox', { name: 'Aanwezig: Brijder Verslavingszorg' }).isChecked(), false);
    assert.equal(await attendance.getByRole('textbox', { name: 'Wie: Sociaal Wijkteam Leiden' }).inputValue(), 'Noor Hamdi');
    await checkPage(page, `/overleggen/${state.meetingId} (attendance saved)`);

    // The decision on the new signal: the social wijkteam acts, Noor Hamdi does it.
    assert.doesNotMatch(await item.getAttribute('class'), /is-recorded/, 'the item has no decision yet');
    await item.getByLabel('Wat is besproken? (zonder namen)').fill(SUMMARY);
    await item.getByLabel('Wie pakt het op?').selectOption({ label: 'Sociaal wijkteam' });
    const owner = item.getByLabel('Wie doet het?');
    const ownerLabel = (await owner.locator('option', { hasText: 'Noor Hamdi' }).textContent()).trim();
    await owner.selectOption({ label: ownerLabel });
    await item.getByLabel('Klaar op').fill(DUE);
    await submit(page, item.getByRole('button', { name: 'Besluit opslaan' }));
    assert.match(path(page), new RegExp(`^/overleggen/${state.meetingId}#punt-\\d+$`));

    assert.match(await item.getAttribute('class'), /is-recorded/, 'the item is marked as decided');
    const itemText = (await item.textContent()).replace(/\s+/g, ' ');
    assert.match(itemText, /Besluit: Sociaal wijkteam/, 'the item shows the decision');
    assert.ok(itemText.includes(`Actie: Sociaal wijkteam · Noor Hamdi · klaar op ${DUE} · Open`),
      `the item shows the action: ${itemText}`);
    assert.equal(await item.getByLabel('Wat is besproken? (zonder namen)').inputValue(), SUMMARY);
    await checkPage(page, `/overleggen/${state.meetingId} (decision recorded)`);

    // The printable minutes: decision and attendance, the code instead of a name.
    const minutes = await page.goto(`/overleggen/${state.meetingId}/notulen`);
    assert.equal(minutes.status(), 200);
    const html = await page.content();
    const text = (await page.locator('body').textContent()).replace(/\s+/g, ' ');
    assert.ok(text.includes(state.code), 'the minutes name the resident by code');
    assert.ok(text.includes(SUMMARY), 'the minutes have the summary');
    assert.ok(text.includes('Besluit: Sociaal wijkteam'), 'the minutes have the decision');
    assert.ok(text.includes('Noor Hamdi'), 'the minutes say who acts');
    for (const org of PRESENT_ORGS) assert.ok(text.includes(org), `the minutes list ${org} as present`);
    for (const secret of [RESIDENT_NAME, 'Karel', 'Testpersoon', RESIDENT_ADDRESS])
      assert.ok(!html.includes(secret), `"${secret}" is not in the minutes`);
    await checkPage(page, `/overleggen/${state.meetingId}/notulen`);

    // The signal now shows the discussion and the running action, still without the name.
    await page.goto(`/signalen/${state.signalId}`);
    const main = (await page.locator('main').textContent()).replace(/\s+/g, ' ');
    assert.ok(main.includes('Acties lopen'), 'the signal\'s status is "Acties lopen"');
    assert.ok(main.includes('Besproken in het overleg: Sociaal wijkteam'), 'the timeline has the decision');
    assert.ok(!main.includes(RESIDENT_NAME), 'the chair does not see the name without a reason');
    await checkPage(page, `/signalen/${state.signalId} (chair)`);

    assert.deepEqual(errors, [], 'no console errors (CSP, scripts)');
  });

  it('3. the action\'s owner sees who it is about and marks the action done', { timeout: 300_000 }, async () => {
    needSignal();
    const { page, errors } = await openPage(PHONE);
    await login(page, 'wijkteam');
    await checkPage(page, 'start (wijkteam)');

    await page.goto('/acties');
    await page.getByRole('heading', { level: 1, name: 'Mijn acties' }).waitFor();
    const action = page.locator('li.card', { has: page.locator(`a[href="/signalen/${state.signalId}"]`) });
    assert.equal(await action.count(), 1, 'the new action is in "Mijn acties"');
    const actionText = await action.textContent();
    assert.ok(actionText.includes(state.code), 'the action shows the code');
    assert.ok(actionText.includes('Sociaal wijkteam'), 'the action shows what was decided');
    assert.ok(actionText.includes(DUE), 'the action shows the due date');
    const identity = await action.locator('dl.identity').textContent();
    assert.ok(identity.includes(RESIDENT_NAME), 'the owner sees the resident\'s name');
    assert.ok(identity.includes(RESIDENT_ADDRESS), 'the owner sees the resident\'s address');
    await checkPage(page, '/acties');

    await action.getByLabel('Korte notitie').fill(DONE_NOTE);
    await submit(page, action.getByRole('button', { name: 'Gedaan' }));
    assert.equal(path(page), '/acties');
    await page.getByRole('heading', { level: 1, name: 'Mijn acties' }).waitFor();
    assert.equal(await action.count(), 0, 'the action is no longer open');
    const settled = page.locator('section', { has: page.getByRole('heading', { name: 'Afgeronde acties' }) })
      .locator('li', { has: page.locator(`a[href="/signalen/${state.signalId}"]`) });
    assert.equal(await settled.count(), 1, 'the action is listed as settled');
    const settledText = await settled.textContent();
    assert.match(settledText, /Gedaan/);
    assert.ok(settledText.includes(DONE_NOTE), 'the note is kept');
    assert.ok(!(await page.locator('main').textContent()).includes(RESIDENT_NAME),
      'with the action done, the name is no longer shown');
    await checkPage(page, '/acties (after marking done)');

    await page.goto(`/signalen/${state.signalId}`);
    const main = (await page.locator('main').textContent()).replace(/\s+/g, ' ');
    assert.ok(main.includes('Actie afgerond: Gedaan'), 'the timeline has the settled action');
    assert.ok(main.includes(DONE_NOTE), 'the signal shows the note');
    await checkPage(page, `/signalen/${state.signalId} (wijkteam)`);

    assert.deepEqual(errors, [], 'no console errors (CSP, scripts)');
  });

  it('4. a chair of another wijk gets the Dutch 403 page without the resident\'s data', { timeout: 300_000 }, async () => {
    needSignal();
    const { page, errors } = await openPage(LAPTOP);
    await login(page, 'voorzitter.stevenshof');
    await checkPage(page, 'start (voorzitter.stevenshof)');

    const forbidden = [`/signalen/${state.signalId}`];
    if (state.meetingId) forbidden.push(`/overleggen/${state.meetingId}`, `/overleggen/${state.meetingId}/notulen`);
    for (const url of forbidden) {
      const res = await page.goto(url);
      assert.equal(res.status(), 403, `${url} is forbidden`);
      await page.getByRole('heading', { level: 1, name: 'Dat lukt niet' }).waitFor();
      assert.match(await page.getByRole('alert').textContent(), /U mag dit niet bekijken/);
      const html = await page.content();
      for (const secret of [RESIDENT_NAME, RESIDENT_ADDRESS, DESCRIPTION, SUMMARY, state.code])
        assert.ok(!html.includes(secret), `the 403 page for ${url} does not contain "${secret}"`);
      await checkPage(page, `${url} (403)`);
    }

    // Nor does the signal list show it.
    await page.goto(`/signalen?code=${state.code}`);
    assert.equal(await page.locator(`a[href="/signalen/${state.signalId}"]`).count(), 0);
    assert.ok(!(await page.content()).includes(DESCRIPTION));
    await checkPage(page, '/signalen?code=… (voorzitter.stevenshof)');

    // The 403 answers are expected; the browser logs them as failed resources.
    assert.deepEqual(consoleStatuses(errors), forbidden.map(() => 403), 'the console shows one 403 per forbidden page, nothing else');
  });
});
