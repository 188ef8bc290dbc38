// The JSON API as an administrator and an integration use it: a token is made and revoked in the
// browser (phone size, axe), and every answer of the API, failures included, matches the schema
// that api/openapi.json gives for it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { useDemo, newContext, watchErrors, login, submit, checkPage, PHONE, ROOT } from './helpers.mjs';

const doc = JSON.parse(readFileSync(`${ROOT}/api/openapi.json`, 'utf8'));
// OpenAPI 3.0's schemas are JSON Schema with "nullable" (which Ajv knows) and "example" (which
// strict mode would refuse as unknown).
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addSchema(doc, 'openapi');
const pointer = (ref) => ajv.getSchema(`openapi${ref}`) ?? ajv.compile({ $ref: `openapi${ref}` });

// The documented schema of `path`'s answer with `status`, following a response's $ref.
function documented(path, status) {
  let r = doc.paths[path].get.responses[String(status)];
  assert.ok(r, `${path} documents no ${status}`);
  if (r.$ref) r = doc.components.responses[r.$ref.split('/').pop()];
  const [type, media] = Object.entries(r.content)[0];
  return { type, schema: media.schema, headers: Object.keys(r.headers ?? {}) };
}

async function call(base, path, secret, query = '') {
  const headers = secret ? { Authorization: `Bearer ${secret}` } : {};
  const res = await fetch(`${base}/api/v1${path}${query}`, { headers });
  return { res, body: await res.json() };
}

// The answer has the documented media type, headers and schema.
function conforms({ res, body }, path, status) {
  assert.equal(res.status, status, JSON.stringify(body));
  const want = documented(path, status);
  assert.equal(res.headers.get('content-type'), want.type);
  for (const h of want.headers) assert.ok(res.headers.get(h), `${path} ${status}: header ${h}`);
  const validate = want.schema.$ref ? pointer(want.schema.$ref) : ajv.compile(want.schema);
  assert.ok(validate(body), `${path} ${status}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 500)}`);
}

describe('json api', { timeout: 900_000 }, () => {
  const demo = useDemo();

  it('a token made in the browser reads every documented figure until it is revoked', { timeout: 600_000 }, async () => {
    const context = await newContext(demo.browser, demo.server.base, PHONE);
    try {
      const page = await context.newPage();
      const errors = watchErrors(page);
      await login(page, 'beheer');
      await page.goto('/beheer');
      await page.getByRole('link', { name: 'Sleutels voor koppelingen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sleutels voor koppelingen' }).waitFor();
      await checkPage(page, '/beheer/api-sleutels');

      // Without a name the form says so, and keeps what was chosen.
      await page.getByLabel('Naam van de koppeling').fill(' ');
      await page.getByLabel('Naam van de koppeling').evaluate((el) => el.removeAttribute('required'));
      let answer = page.waitForResponse((r) => r.request().method() === 'POST');
      await submit(page, page.getByRole('button', { name: 'Sleutel maken' }));
      assert.equal((await answer).status(), 422);
      assert.match(await page.getByRole('alert').first().textContent(), /Geef de koppeling een naam/);
      await checkPage(page, '/beheer/api-sleutels (no name)');

      await page.getByLabel('Naam van de koppeling').fill('Dashboard gemeente Leiden');
      answer = page.waitForResponse((r) => r.request().method() === 'POST');
      await submit(page, page.getByRole('button', { name: 'Sleutel maken' }));
      assert.equal((await answer).status(), 201);
      const secret = await page.getByLabel('Sleutel', { exact: true }).inputValue();
      assert.match(secret, /^mdn_[A-Za-z0-9_-]{40,}$/);
      await page.getByRole('cell', { name: 'Dashboard gemeente Leiden', exact: true }).waitFor();
      await checkPage(page, '/beheer/api-sleutels (made)');

      const base = demo.server.base;
      conforms(await call(base, '/wijken', secret), '/wijken', 200);
      conforms(await call(base, '/cijfers/signalen', secret), '/cijfers/signalen', 200);
      for (const q of ['', '?maanden=1', '?maanden=24'])
        conforms(await call(base, '/cijfers/brigade', secret, q), '/cijfers/brigade', 200);
      conforms(await call(base, '/cijfers/brigade', secret, '?maanden=99'), '/cijfers/brigade', 400);
      for (const q of ['', '?maanden=24'])
        conforms(await call(base, '/cijfers/centra', secret, q), '/cijfers/centra', 200);
      conforms(await call(base, '/cijfers/centra', secret, '?maanden=0'), '/cijfers/centra', 400);
      conforms(await call(base, '/wijken', ''), '/wijken', 401);

      // Revoked, the same token gets the documented 401.
      await page.goto('/beheer/api-sleutels');
      await submit(page, page.getByRole('button', { name: /Intrekken/ }).first());
      assert.match(await page.locator('body').innerText(), /De sleutel is ingetrokken/, page.url());
      await page.getByText('Ingetrokken op').waitFor();
      await checkPage(page, '/beheer/api-sleutels (revoked)');
      assert.equal(await page.locator('body').innerText().then((t) => t.includes(secret)), false);
      conforms(await call(base, '/cijfers/signalen', secret), '/cijfers/signalen', 401);
      assert.deepEqual(errors.filter((e) => !/status of 422/.test(e)), []);
    } finally {
      await context.close();
    }
  });
});
