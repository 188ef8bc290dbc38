#!/usr/bin/env node
// Lints the OpenAPI document of the JSON API (api/openapi.json) without the network: Redocly's
// "recommended" rules (@redocly/openapi-core, the engine of @redocly/cli), every warning counted
// as a failure, and then the rules of the NL API Design Rules (ADR 2.0, "core") that can be read
// from the document itself. Exits 1 with each problem on its own line.
//   node scripts/lint_openapi.mjs [api/openapi.json]
import { readFileSync } from 'node:fs';
import { createConfig, lint } from '@redocly/openapi-core';

const file = process.argv[2] ?? new URL('../api/openapi.json', import.meta.url).pathname;
const problems = [];

const config = await createConfig({ extends: ['recommended'] });
for (const p of await lint({ ref: file, config })) {
  const where = p.location?.[0]?.pointer ?? '';
  problems.push(`redocly ${p.ruleId} (${p.severity}) ${where}: ${p.message}`);
}

// The NL API Design Rules, as far as a document shows them.
const doc = JSON.parse(readFileSync(file, 'utf8'));
const adr = (rule, ok, text) => {
  if (!ok) problems.push(`ADR ${rule}: ${text}`);
};
adr('/core/doc-openapi', /^3\./.test(doc.openapi ?? ''), 'the document must be OpenAPI 3');
const major = String(doc.info?.version ?? '').split('.')[0];
adr('/core/uri-version', /^\d+\.\d+\.\d+$/.test(doc.info?.version ?? ''),
  'info.version must be semantic (1.0.0)');
for (const s of doc.servers ?? [])
  adr('/core/uri-version', s.url.endsWith(`/v${major}`),
    `server ${s.url} must end in /v${major}, the major version`);
const methods = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);
for (const [path, item] of Object.entries(doc.paths ?? {})) {
  adr('/core/no-trailing-slash', !path.endsWith('/'), `${path} ends in a slash`);
  adr('/core/naming-resources', /^(\/([a-z0-9-]+|\{[a-zA-Z]+\}))+$/.test(path),
    `${path}: segments are lower case words with hyphens`);
  for (const [method, op] of Object.entries(item)) {
    if (method === 'parameters') continue;
    adr('/core/http-methods', methods.has(method), `${path}: ${method} is no HTTP method`);
    for (const p of op.parameters ?? [])
      adr('/core/no-secrets-in-query', !(p.in === 'query' && /token|key|sleutel/i.test(p.name)),
        `${path}: a secret (${p.name}) does not belong in the query`);
    for (const [status, ref] of Object.entries(op.responses ?? {})) {
      const r = ref.$ref ? doc.components.responses[ref.$ref.split('/').pop()] : ref;
      adr('/core/version-header', r?.headers?.['API-Version'],
        `${method.toUpperCase()} ${path} ${status} must declare the API-Version header`);
      if (Number(status) >= 400)
        adr('/core/error-handling/problem-details', r?.content?.['application/problem+json'],
          `${method.toUpperCase()} ${path} ${status} must answer application/problem+json`);
    }
  }
}
for (const [name, scheme] of Object.entries(doc.components?.securitySchemes ?? {}))
  adr('/core/no-secrets-in-query', !(scheme.type === 'apiKey' && scheme.in === 'query'),
    `security scheme ${name} sends its key in the query`);

for (const p of problems) console.error(`lint_openapi: ${p}`);
if (problems.length) process.exit(1);
console.log(`lint_openapi: ${file} ok (redocly recommended, NL API Design Rules)`);
