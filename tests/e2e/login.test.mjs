// The login page: a wrong password gets a clear Dutch message, on a phone and on a laptop.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  useDemo, newContext, watchErrors, login, submit, checkPage, PHONE, LAPTOP, consoleStatuses,
} from './helpers.mjs';

const FAILED = 'Gebruikersnaam of wachtwoord klopt niet.';

describe('login', { timeout: 900_000 }, () => {
  const demo = useDemo();

  for (const [label, size, user] of [['phone', PHONE, 'huisarts'], ['laptop', LAPTOP, 'ggz']]) {
    it(`rejects a wrong password with a clear Dutch message (${label})`, { timeout: 300_000 }, async () => {
      const context = await newContext(demo.browser, demo.server.base, size);
      try {
        const page = await context.newPage();
        const errors = watchErrors(page);

        // Not logged in: the start page sends to the login page.
        await page.goto('/');
        assert.equal(new URL(page.url()).pathname, '/login');
        await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
        assert.equal(await page.locator('html').getAttribute('lang'), 'nl');
        assert.equal(await page.getByRole('alert').count(), 0, 'no message before trying');
        await checkPage(page, '/login');

        await page.getByLabel('Gebruikersnaam').fill(user);
        await page.getByLabel('Wachtwoord').fill('verkeerd-wachtwoord');
        const answer = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/login');
        await submit(page, page.getByRole('button', { name: 'Inloggen' }));
        assert.equal((await answer).status(), 401);
        assert.equal(new URL(page.url()).pathname, '/login');
        assert.equal((await page.getByRole('alert').textContent()).trim(), FAILED);
        // The username stays, the password does not; nobody is logged in.
        assert.equal(await page.getByLabel('Gebruikersnaam').inputValue(), user);
        assert.equal(await page.getByLabel('Wachtwoord').inputValue(), '');
        assert.equal(await page.getByRole('button', { name: 'Uitloggen' }).count(), 0);
        await checkPage(page, '/login (wrong password)');

        // An unknown user gets the same message: no hint which of the two was wrong.
        await page.getByLabel('Gebruikersnaam').fill('bestaat-niet');
        await page.getByLabel('Wachtwoord').fill('meedoen-demo');
        await submit(page, page.getByRole('button', { name: 'Inloggen' }));
        assert.equal((await page.getByRole('alert').textContent()).trim(), FAILED);
        assert.equal(await page.getByLabel('Gebruikersnaam').inputValue(), 'bestaat-niet');

        // The right password then works.
        await login(page, user);
        await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
        await checkPage(page, `start after login (${user})`);

        assert.deepEqual(consoleStatuses(errors), [401, 401], 'the console shows the two refused log-ins, nothing else');
      } finally {
        await context.close();
      }
    });
  }
});
