// The Vliegende Brigade in a browser, at phone size, on one demo server that sends its mail to a
// local SMTP sink:
//   a. the wijkteam asks the brigade; the coordinator picks the best suggested peer, who then sees
//      the request on their start page (without the resident's name until they say yes),
//   b. a peer says yes and logs a visit in at most three taps; a double tap records one visit,
//   c. a peer refers a resident by e-mail; the mail holds a one-time link and no identity; the
//      partner confirms the intake through the link without logging in; the link then shows
//      nothing; the peer and the wijkteam's inbox show the planned intake,
//   d. a peer cannot open another peer's request.
// Every page visited is checked with axe (WCAG 2.1 A/AA) and must not scroll sideways at 360 px.
import { describe, it, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  useDemo, newContext, watchErrors, login, submit, checkPage, PHONE, consoleStatuses,
} from './helpers.mjs';
import { startSmtpSink } from './smtp_sink.mjs';

// Demo peers by the name the coordinator sees.
const PEER_USERS = {
  'Mo Benali': 'brigadier',
  'Anouk de Graaf': 'peer.anouk',
  'Hassan El Idrissi': 'peer.hassan',
  'Marieke Jansen': 'peer.marieke',
  'Dennis Tol': 'peer.dennis',
};
const REQUEST_KNOWN = 'Mevrouw komt sinds de zomer niet meer naar de inloop en doet de deur niet open. Testverzoek e2e-4127.';
const REQUEST_NAME = 'Els Proefbewoner';
const REQUEST_ADDRESS = 'Proefstraat 7';
const PARTNER_EMAIL = 'intake.e2e@wijkteam.example';
const REFERRAL_STORY = 'Bewoner wil hulp bij post en huur. Liefst een vaste contactpersoon. Test e2e-5532.';

function isoDateInDays(days) {
  const d = new Date(Date.now() + days * 86_400_000);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
const here = (page) => { const u = new URL(page.url()); return u.pathname + u.search; };
const squash = (s) => s.replace(/\s+/g, ' ').trim();

describe('Vliegende Brigade journeys', { timeout: 900_000 }, () => {
  let sink = null;
  // The sink starts first, so the server can be told its port. The server stops before the sink
  // (hooks run in the order they were added), so no mail is on its way when the sink closes.
  const demo = useDemo(async () => {
    sink = await startSmtpSink();
    return { smtpPort: sink.port };
  });
  after(async () => { await sink?.close(); });

  let contexts = [];
  afterEach(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    contexts = [];
  });

  // A phone-sized page in a fresh context (its own session), logged in unless user is null.
  async function openPage(user) {
    const context = await newContext(demo.browser, demo.server.base, PHONE);
    contexts.push(context);
    const page = await context.newPage();
    const errors = watchErrors(page);
    if (user) {
      await login(page, user);
      await checkPage(page, `start (${user})`);
    }
    return { page, errors };
  }

  const section = (page, heading) =>
    page.locator('section', { has: page.getByRole('heading', { level: 2, name: heading, exact: true }) });
  const visits = (page) => section(page, 'Bezoeken').locator('ul.rows > li');

  // The first link to a request inside `scope`, clicked; returns the request's id.
  async function openRequest(page, scope, label) {
    const link = scope.locator('a[href^="/verzoeken/"]').first();
    assert.equal(await link.count(), 1, `a request to open in ${label}`);
    await submit(page, link);
    assert.match(here(page), /^\/verzoeken\/\d+$/);
    await checkPage(page, `${here(page)} (${label})`);
    return Number(new URL(page.url()).pathname.split('/').pop());
  }

  it('a. the wijkteam asks, the coordinator dispatches to the best suggestion, the peer sees it', { timeout: 300_000 }, async (t) => {
    // The demo's coordinator has given every request to someone, so the journey starts with a
    // new request from the wijkteam; it then waits in "Wachten op iemand".
    const asker = await openPage('wijkteam');
    await asker.page.goto('/verzoeken/nieuw');
    await checkPage(asker.page, '/verzoeken/nieuw (wijkteam)');
    await asker.page.getByLabel('Wijk', { exact: true }).selectOption({ label: 'Meerburg' });
    await asker.page.getByRole('group', { name: 'Over wie gaat het?' }).getByLabel('Man of vrouw').selectOption({ label: 'vrouw' });
    await asker.page.locator('details.identity-details summary').click();
    await asker.page.locator('#name').fill(REQUEST_NAME);
    await asker.page.locator('#address').fill(REQUEST_ADDRESS);
    await asker.page.locator('#known').fill(REQUEST_KNOWN);
    await checkPage(asker.page, '/verzoeken/nieuw (filled in)');
    await submit(asker.page, asker.page.getByRole('button', { name: 'Verzoek versturen' }));
    assert.match(here(asker.page), /^\/verzoeken\/\d+\?nieuw=1$/, 'after sending, the request opens');
    const id = Number(new URL(asker.page.url()).pathname.split('/').pop());
    assert.match(await asker.page.getByRole('status').textContent(), /Het verzoek is verstuurd/);
    const code = (await asker.page.getByRole('heading', { level: 1 }).textContent()).trim().split(' ')[0];
    assert.match(code, /^R-[2-9A-HJ-NP-Z]{4}$/, `the heading starts with the resident's code: ${code}`);
    await checkPage(asker.page, `/verzoeken/${id} (wijkteam, just sent)`);

    const { page, errors } = await openPage('coordinator');
    await page.goto('/brigade');
    await checkPage(page, '/brigade');
    const waiting = section(page, 'Wachten op iemand');
    const item = waiting.locator('li.signal-item', { hasText: code });
    assert.equal(await item.count(), 1, `the new request ${code} waits for someone`);
    assert.equal(await openRequest(page, item, 'coordinator, waiting'), id);

    // The suggestions, best first, each with its reasons.
    const suggestions = section(page, 'Wie past er?').locator('.suggestion');
    const n = await suggestions.count();
    assert.ok(n >= 2, `more than one peer is suggested (${n})`);
    for (let i = 0; i < n; i++) {
      const s = suggestions.nth(i);
      assert.match(squash(await s.locator('strong').first().textContent()), new RegExp(`^${i + 1}\\. \\S`), 'ranked 1, 2, 3 …');
      assert.ok(await s.locator('ul.reasons > li').count() > 0, `suggestion ${i + 1} says why`);
    }
    const first = suggestions.filter({ has: page.locator('input[name="peer"]') }).first();
    const name = squash(await first.locator('label strong').textContent()).replace(/^\d+\. /, '');
    const username = PEER_USERS[name];
    assert.ok(username, `"${name}" is a demo peer`);
    t.diagnostic(`${code}: the first peer who can go is ${name} (${username})`);
    await first.getByRole('checkbox').check();
    await submit(page, page.getByRole('button', { name: 'Vragen', exact: true }));
    assert.equal(here(page), `/verzoeken/${id}?opgeslagen=toegewezen`);
    assert.match(await page.getByRole('status').textContent(), /Gevraagd\./);
    const goes = squash(await section(page, 'Wie gaat er').locator('ul.rows').textContent());
    assert.ok(goes.includes(`${name} · gevraagd`), `the request shows ${name} as asked: ${goes}`);
    await checkPage(page, `/verzoeken/${id} (coordinator, asked ${name})`);

    // The peer finds it on the start page and in "Mijn verzoeken"; the name and address only
    // come once they say yes.
    const peer = await openPage(username);
    const onStart = section(peer.page, 'Voor jou klaargezet').locator(`a[href="/verzoeken/${id}"]`);
    assert.equal(await onStart.count(), 1, `the request is on ${username}'s start page`);
    await peer.page.goto('/verzoeken');
    await checkPage(peer.page, `/verzoeken (${username})`);
    assert.equal(await section(peer.page, 'Voor jou klaargezet').locator(`a[href="/verzoeken/${id}"]`).count(), 1,
      `the request is offered to ${username} in "Mijn verzoeken"`);
    await peer.page.goto(`/verzoeken/${id}`);
    await peer.page.getByRole('button', { name: 'Ja, ik ga' }).waitFor();
    await checkPage(peer.page, `/verzoeken/${id} (${username}, offered)`);
    const html = await peer.page.content();
    for (const secret of [REQUEST_NAME, REQUEST_ADDRESS])
      assert.ok(!html.includes(secret), `before saying yes, ${username} does not see "${secret}"`);

    assert.deepEqual([...asker.errors, ...errors, ...peer.errors], [], 'no console errors');
  });

  it('b. a peer logs a visit in at most three taps after opening the request; a double tap counts once', { timeout: 300_000 }, async () => {
    const { page, errors } = await openPage('brigadier');
    await page.goto('/verzoeken');
    await checkPage(page, '/verzoeken (brigadier)');
    const id = await openRequest(page, section(page, 'Voor jou klaargezet'), 'brigadier, offered');

    let taps = 0;
    await submit(page, page.getByRole('button', { name: 'Ja, ik ga' }));
    taps += 1;
    assert.equal(here(page), `/verzoeken/${id}?opgeslagen=aangenomen`);
    await section(page, 'Wie en waar').locator('dl.identity').waitFor();
    await checkPage(page, `/verzoeken/${id} (accepted)`);
    const before = await visits(page).count();

    await submit(page, page.getByRole('button', { name: 'Contact gemaakt' }));
    taps += 1;
    assert.ok(taps <= 3, `${taps} taps`);
    assert.equal(here(page), `/verzoeken/${id}?opgeslagen=bezoek`);
    assert.match(await page.getByRole('status').textContent(), /Het bezoek is vastgelegd/);
    assert.equal(await visits(page).count(), before + 1, 'one visit more');
    const logged = squash(await visits(page).first().textContent());
    assert.match(logged, /^Contact gemaakt · .* · Mo Benali/, `the newest visit comes first: ${logged}`);
    await checkPage(page, `/verzoeken/${id} (visit logged)`);

    // A double tap, or the phone sending again after a bad connection: the same form (same key)
    // arrives twice. One visit is recorded, and both answers are fine.
    const form = page.locator('#visit-form');
    const data = {
      _csrf: await form.locator('input[name="_csrf"]').inputValue(),
      key: await form.locator('input[name="key"]').inputValue(),
      result: 'short_talk',
    };
    assert.ok(data.key, 'the visit form carries a key');
    const count = await visits(page).count();
    for (const attempt of [1, 2]) {
      const res = await page.request.post(`/verzoeken/${id}/bezoeken`, { form: data });
      assert.equal(res.status(), 200, `post ${attempt} ends on the request page`);
      assert.equal(new URL(res.url()).pathname, `/verzoeken/${id}`);
    }
    await page.goto(`/verzoeken/${id}`);
    assert.equal(await visits(page).count(), count + 1, 'the same form twice records one visit');
    assert.match(squash(await visits(page).first().textContent()), /^Kort gesprek · /);
    await checkPage(page, `/verzoeken/${id} (after the double post)`);

    assert.deepEqual(errors, [], 'no console errors');
  });

  it('c. a referral by e-mail: no identity in the mail, the partner confirms the intake once through the link', { timeout: 300_000 }, async () => {
    const { page, errors } = await openPage('peer.anouk');
    await page.goto('/verzoeken');
    const id = await openRequest(page, section(page, 'Waar je mee bezig bent'), 'peer.anouk, accepted');
    const identity = section(page, 'Wie en waar').locator('dl.identity');
    const resident = {
      name: squash(await identity.locator('dt:text-is("Naam") + dd').textContent()),
      address: squash(await identity.locator('dt:text-is("Adres") + dd').textContent()),
    };
    assert.ok(resident.name && resident.address, `the accepted peer sees name and address: ${JSON.stringify(resident)}`);

    await submit(page, page.getByRole('link', { name: 'Verwijzen' }));
    assert.equal(here(page), `/verzoeken/${id}/verwijzen`);
    await checkPage(page, `/verzoeken/${id}/verwijzen`);
    await page.getByLabel('Naar wat voor hulp').selectOption({ label: 'sociaal wijkteam' });
    await page.getByLabel('Naar welke organisatie').selectOption({ label: 'Sociaal Wijkteam Leiden' });
    await page.locator('#to_email').fill(PARTNER_EMAIL);
    await page.getByRole('radio', { name: 'de bewoner zelf' }).check();
    await page.getByRole('radio', { name: 'mondeling' }).check();
    await page.locator('#consent_purpose').fill('Hulp bij post en huur door het wijkteam');
    for (const field of ['share_name', 'share_address', 'share_story'])
      await page.locator(`input[name="${field}"]`).check();
    await page.locator('#story').fill(REFERRAL_STORY);
    await submit(page, page.getByRole('button', { name: 'Verwijzing versturen' }));
    assert.equal(here(page), `/verzoeken/${id}?opgeslagen=verwezen_link`);
    assert.match(await page.getByRole('status').textContent(), /eenmalige link per e-mail/);
    const referrals = section(page, 'Verwijzingen').locator('ul.rows > li', { hasText: 'Sociaal Wijkteam Leiden' });
    assert.equal(await referrals.count(), 1, 'the request lists the referral');
    assert.match(squash(await referrals.textContent()), / · verstuurd/, 'sent, not yet opened');
    await checkPage(page, `/verzoeken/${id} (referred)`);

    // The mail: a link to this server, nothing about the resident.
    const mail = await sink.waitFor((m) => m.to.includes(PARTNER_EMAIL), 60_000);
    const link = mail.data.match(/https?:\/\/\S+\/verwijzing\/[A-Za-z0-9_-]+/)?.[0];
    assert.ok(link, `the mail has a /verwijzing/ link:\n${mail.data}`);
    assert.ok(link.startsWith(`${demo.server.base}/verwijzing/`), `the link points at this server: ${link}`);
    const [first, ...rest] = resident.name.split(' ');
    for (const secret of [resident.name, resident.address, first, rest.join(' '), REFERRAL_STORY])
      assert.ok(!mail.data.includes(secret), `the mail does not contain "${secret}"`);

    // The partner opens the link without logging in.
    const partner = await openPage(null);
    const res = await partner.page.goto(link);
    assert.equal(res.status(), 200);
    const ref = partner.page.locator('main section.card');
    await ref.getByRole('heading', { level: 2, name: /→ Sociaal Wijkteam Leiden/ }).waitFor();
    // Opening the link (as a mail scanner would) shows no name; a deliberate click does.
    assert.ok(!(await partner.page.content()).includes(resident.name), 'no name before the partner asks for it');
    await checkPage(partner.page, '/verwijzing/… (opened, no identity yet)');
    await submit(partner.page, ref.getByRole('button', { name: 'Toon naam en gegevens' }));
    const shown = squash(await ref.textContent());
    assert.ok(shown.includes(resident.name), 'with consent to share the name, the partner sees it');
    assert.ok(shown.includes(REFERRAL_STORY), 'the partner reads the story');
    await checkPage(partner.page, '/verwijzing/… (open)');
    // Opening the link tells the peer the referral has arrived.
    await page.reload();
    assert.match(squash(await referrals.textContent()), / · ontvangen/, 'the peer sees it was opened');

    const intake = isoDateInDays(7);
    await ref.getByRole('radio', { name: 'intake gepland' }).check();
    await ref.getByLabel('Datum intake').fill(intake);
    await submit(partner.page, ref.getByRole('button', { name: 'Antwoord versturen' }));
    assert.match(await partner.page.getByRole('status').textContent(), /Dank u/);
    await checkPage(partner.page, '/verwijzing/… (answered)');

    // Once answered, the link is gone (410) and shows nothing of the referral.
    assert.equal((await partner.page.goto(link)).status(), 410);
    assert.match(squash(await partner.page.locator('main').textContent()), /Deze link is al gebruikt/);
    const after = await partner.page.content();
    for (const secret of [resident.name, resident.address, REFERRAL_STORY])
      assert.ok(!after.includes(secret), `the used link does not show "${secret}"`);
    assert.equal(await partner.page.locator('main form').count(), 0, 'no form to answer again');
    await checkPage(partner.page, '/verwijzing/… (used)');

    // The peer sees the answer on the request.
    await page.goto(`/verzoeken/${id}`);
    const status = squash(await referrals.textContent());
    assert.ok(status.includes(`intake gepland (${intake})`), `the referral shows the planned intake: ${status}`);
    await checkPage(page, `/verzoeken/${id} (intake planned)`);

    // The wijkteam's inbox has it too, waiting for "intake gedaan".
    const wijkteam = await openPage('wijkteam');
    await wijkteam.page.goto('/verwijzingen');
    const inbox = wijkteam.page.locator('main section.card', { hasText: REFERRAL_STORY });
    assert.equal(await inbox.count(), 1, 'the referral is in the wijkteam\'s inbox');
    assert.ok(squash(await inbox.textContent()).includes(`intake gepland (${intake})`), 'with the planned intake');
    assert.equal(await inbox.getByRole('radio', { name: 'intake gedaan' }).isChecked(), true, 'next: intake gedaan');
    await checkPage(wijkteam.page, '/verwijzingen (wijkteam, intake planned)');

    assert.deepEqual([...errors, ...wijkteam.errors], [], 'no console errors (peer, wijkteam)');
    assert.deepEqual(consoleStatuses(partner.errors), [410], 'the partner\'s console shows only the used link\'s 410');
  });

  it('d. a peer cannot open another peer\'s request, and the 403 page has none of its data', { timeout: 300_000 }, async () => {
    const owner = await openPage('peer.anouk');
    await owner.page.goto('/verzoeken');
    const id = await openRequest(owner.page, section(owner.page, 'Waar je mee bezig bent'), 'peer.anouk');
    const identity = section(owner.page, 'Wie en waar').locator('dl.identity');
    const name = squash(await identity.locator('dt:text-is("Naam") + dd').textContent());
    const address = squash(await identity.locator('dt:text-is("Adres") + dd').textContent());
    const known = squash(await section(owner.page, 'Wat we weten').locator('.signal-text').textContent());

    const { page, errors } = await openPage('brigadier');
    const res = await page.goto(`/verzoeken/${id}`);
    assert.equal(res.status(), 403);
    await page.getByRole('heading', { level: 1, name: 'Dat lukt niet' }).waitFor();
    // It says what it is (another peer's request), in the peer's "je".
    assert.match(await page.getByRole('alert').textContent(), /Dit verzoek is van een andere brigadier/);
    const html = await page.content();
    for (const secret of [name, address, known])
      assert.ok(!html.includes(secret), `the 403 page does not contain "${secret}"`);
    await checkPage(page, `/verzoeken/${id} (403, another peer)`);

    assert.deepEqual(owner.errors, [], 'no console errors (owner)');
    assert.deepEqual(consoleStatuses(errors), [403], 'the console shows only the 403 asked for');
  });
});
