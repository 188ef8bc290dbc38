// Shared helpers for the browser tests: a throw-away Meedoen server with demo data, Debian's
// Chromium through playwright-core, log-in, the axe check and the 360 px overflow check.
import { spawn, execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

const execFileP = promisify(execFile);

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PASSWORD = 'meedoen-demo';
export const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
export const LAPTOP = { viewport: { width: 1280, height: 800 } };
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const HEALTH_TIMEOUT_MS = 120_000;

function binary() {
  const bin = process.env.MEEDOEN_BIN;
  if (!bin) throw new Error('Set MEEDOEN_BIN to the absolute path of the meedoen binary.');
  return path.resolve(bin);
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(base, child, output) {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`meedoen serve stopped early (${child.exitCode ?? child.signalCode}):\n${output()}`);
    try {
      const res = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return;
      last = `status ${res.status}`;
    } catch (err) {
      last = err.message;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`meedoen serve did not answer /healthz within ${HEALTH_TIMEOUT_MS} ms (${last}):\n${output()}`);
}

// Servers still running in this process: killed on exit even when a test or hook throws, and when
// the test process is interrupted or stopped.
const running = new Set();
function killServers() {
  for (const child of running) {
    try { child.kill('SIGKILL'); } catch { /* already gone */ }
  }
}
process.on('exit', killServers);
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.once(signal, () => {
    killServers();
    process.exit(code);
  });
}

// Fills a fresh database with demo data and serves it on a free port. Call stop() when done.
// Options: smtpPort sends the mail outbox to an SMTP server on 127.0.0.1 (see smtp_sink.mjs);
// serveArgs are added to `meedoen serve`. --base-url is always the server's own address, so links
// in mail lead back to this test server.
// With MEEDOEN_E2E_DB=postgres the database is a new one in the PostgreSQL cluster whose socket
// folder is MEEDOEN_TEST_PG_HOST (scripts/with_pg_cluster starts one), dropped again by stop().
export async function startServer({ smtpPort = null, serveArgs = [] } = {}) {
  const bin = binary();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'meedoen-e2e-'));
  const pgHost = process.env.MEEDOEN_E2E_DB === 'postgres' ? process.env.MEEDOEN_TEST_PG_HOST : null;
  if (process.env.MEEDOEN_E2E_DB === 'postgres' && !pgHost)
    throw new Error('MEEDOEN_E2E_DB=postgres needs MEEDOEN_TEST_PG_HOST (scripts/with_pg_cluster)');
  const pgName = `e2e_${process.pid}_${path.basename(dir).replace(/[^a-z0-9]/gi, '').toLowerCase()}`;
  let db = path.join(dir, 'demo.db');
  if (pgHost) {
    await execFileP('createdb', ['-h', pgHost, '-U', 'meedoen', pgName]);
    db = `postgresql://meedoen@/${pgName}?host=${pgHost}`;
  }
  const common = ['--root', ROOT, '--db', db, '--key-file', path.join(dir, 'demo.key')];
  try {
    await execFileP(bin, [...common, 'demo'], { timeout: 300_000, maxBuffer: 16 * 1024 * 1024 });
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`meedoen demo failed: ${err.message}\n${err.stderr ?? ''}`);
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const args = [...common, 'serve', '--listen', `127.0.0.1:${port}`, '--base-url', base];
  if (smtpPort) args.push('--smtp-host', '127.0.0.1', '--smtp-port', String(smtpPort));
  args.push(...serveArgs);
  const child = spawn(bin, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let log = '';
  const keep = (chunk) => { log = (log + chunk.toString()).slice(-20_000); };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', resolve));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    running.delete(child);
    await rm(dir, { recursive: true, force: true });
    if (pgHost) await execFileP('dropdb', ['-h', pgHost, '-U', 'meedoen', '--force', pgName]).catch(() => {});
  };
  try {
    await waitForHealth(base, child, () => log);
  } catch (err) {
    await stop();
    throw err;
  }
  return { base, stop, log: () => log };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
}

// Inside a describe(): starts a demo server and a browser before the suite and stops both after.
// The returned object's `server` and `browser` are set once the suite's `before` has run.
// Options as for startServer(); a function is called in `before` to get them (e.g. for the port of
// an SMTP sink that is started there).
export function useDemo(options = {}) {
  const demo = { server: null, browser: null };
  before(async () => {
    demo.server = await startServer(typeof options === 'function' ? await options() : options);
    demo.browser = await launchBrowser();
  });
  after(async () => {
    await demo.browser?.close().catch(() => {});
    await demo.server?.stop();
  });
  return demo;
}

// A browser context (its own cookies, so its own session) at the given size, Dutch, with bounded waits.
export async function newContext(browser, base, size) {
  const context = await browser.newContext({ ...size, baseURL: base, locale: 'nl-NL' });
  // Ample: a step waits for its event (an element, a navigation), and only a hang reaches this.
  context.setDefaultTimeout(60_000);
  context.setDefaultNavigationTimeout(60_000);
  return context;
}

// Collects console errors and failed page errors so a test can assert there were none.
export function watchErrors(page) {
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(`console: ${msg.text()}`); });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  return errors;
}

// The HTTP statuses that the console errors report, sorted, with any other error kept as it is:
// a test compares them with exactly the statuses it caused itself, so an unexpected error (or one
// more of an expected status) fails it.
export function consoleStatuses(errors) {
  return errors.map((e) => {
    const m = /the server responded with a status of (\d{3})/.exec(e);
    return m ? Number(m[1]) : e;
  }).sort((a, b) => String(a).localeCompare(String(b)));
}

// Clicks a submit button and waits until the browser shows the next document (after any redirect).
// Waiting on the URL alone is not enough when the answer lands on the same URL (e.g. POST /acties).
export async function submit(page, button) {
  await page.evaluate(() => { window.__e2eOldDocument = true; });
  await button.click();
  await page.waitForFunction(() => window.__e2eOldDocument !== true && document.readyState === 'complete',
    null, { polling: 50, timeout: 60_000 });
}

// Logs in on /login (checking that page too) and fails clearly when it does not land on the start page.
export async function login(page, username, password = PASSWORD) {
  await page.goto('/login');
  await checkPage(page, '/login');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await submit(page, page.getByRole('button', { name: 'Inloggen' }));
  if (new URL(page.url()).pathname !== '/') {
    const why = await page.getByRole('alert').first().textContent({ timeout: 1000 }).catch(() => '(no message)');
    throw new Error(`log-in as ${username} did not reach the start page (${page.url()}): ${why}`);
  }
}

// Runs axe with the WCAG 2.1 A and AA rules and fails with a readable list of violations.
// Two settings save time without leaving anything out:
// - Meedoen's pages have no frames. For a page without frames, "legacy mode" (axe.run in the page
//   itself) runs the same rules on the same document as the default mode, which also opens a blank
//   page to merge the results of cross-origin frames. A page with frames gets the default mode.
// - resultTypes: every rule still runs on every element and every violation is reported in full;
//   only passes and "needs review" results, which are not used here, list just one element.
export async function checkA11y(page, label = '') {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .setLegacyMode(page.frames().length === 1)
    .options({ resultTypes: ['violations'] })
    .analyze();
  const lines = results.violations.map((v) =>
    `- ${v.id} (${v.impact}): ${v.help}\n  ${v.helpUrl}\n` +
    v.nodes.map((n) => `    ${JSON.stringify(n.target)}: ${n.failureSummary?.split('\n').join(' | ')}`).join('\n'));
  assert.equal(results.violations.length, 0,
    `axe found ${results.violations.length} violation(s) on ${label || page.url()}:\n${lines.join('\n')}`);
}

// Fails when the page is wider than the viewport (horizontal scrolling on a phone), naming the
// elements that stick out.
export async function checkNoHorizontalScroll(page, width = 360) {
  // On a phone, Chromium widens the layout viewport to fit content that sticks out, so the
  // elements are compared with the intended width rather than with clientWidth.
  const { scrollWidth, wide } = await page.evaluate((vw) => {
    const wide = [];
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      // The box itself, or (for text that does not wrap) its content, reaches past the edge.
      let right = r.right;
      if (r.left + el.scrollWidth > right && getComputedStyle(el).overflowX === 'visible') right = r.left + el.scrollWidth;
      if (right > vw + 0.5 && r.width > 0) wide.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''} (right ${Math.round(right)})`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, wide: wide.slice(0, 10) };
  }, width);
  assert.ok(scrollWidth <= width,
    `page ${page.url()} scrolls sideways at ${width} px: scrollWidth ${scrollWidth}. Too wide: ${wide.join(', ')}`);
}

// Every key of the message catalogue with "_" or "." in it: words no Dutch or English text uses,
// so one seen on a page is a text that did not go through the catalogue.
// The keys are the msgids of messages/nl.po, each on one line (msgid "key").
const CATALOGUE = readFileSync(new URL('../../messages/nl.po', import.meta.url), 'utf8');
const RAW_KEY = new Set([...CATALOGUE.matchAll(/^msgid "([^"]+)"$/gm)].map((m) => m[1])
  .filter((k) => /[._]/.test(k)));

// Fails when the page shows a raw message key (a catalogue key, or any word with an underscore,
// such as an event kind that has no text).
// Text in <code> is shown as typed (a token's first characters), so it is left out.
export async function checkTexts(page, label = '') {
  const text = await page.evaluate(() => {
    let t = document.body.innerText;
    for (const c of document.querySelectorAll('body code')) t = t.split(c.innerText).join(' ');
    return t;
  });
  const raw = [...new Set((text.match(/[A-Za-z0-9]+(?:[._][A-Za-z0-9]+)+/g) || [])
    .filter((w) => RAW_KEY.has(w) || (/_/.test(w) && !/@/.test(w))))];
  assert.deepEqual(raw, [], `raw message key(s) on ${label || page.url()}: ${raw.join(', ')}`);
}

// Both page checks at once, for every page a test visits: axe, no sideways scrolling at the
// viewport's width (360 px on the phone context), and no raw message keys.
export async function checkPage(page, label) {
  await checkNoHorizontalScroll(page, page.viewportSize().width);
  await checkTexts(page, label);
  await checkA11y(page, label);
}
