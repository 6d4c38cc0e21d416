import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/api/app.js';
import { OFFLINE_DB } from '../src/db/offline.js';

describe('OpenAPI document', () => {
  const doc = createApp({ db: OFFLINE_DB }).openapi();

  it('is the one the web app was typed from (run "npm run gen:api-types" after changing a schema)', () => {
    const committed = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'web', 'src', 'api', 'openapi.json'), 'utf8'));
    expect(JSON.parse(JSON.stringify(doc))).toEqual(committed);
  });

  it('is accepted by a generator (openapi-typescript) and names every operation\'s responses', async () => {
    const { default: openapiTS, astToString } = await import('openapi-typescript');
    const ast = await openapiTS(JSON.parse(JSON.stringify(doc)));
    const ts = astToString(ast);
    expect(ts).toContain('"/api/v1/instruments/{code}/participants"');
    expect(ts).toContain('Participants');
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
        const op = item?.[method];
        if (op) expect(op.responses?.['200'] ?? op.responses?.['201'], `${method} ${path}`).toBeDefined();
      }
    }
  });
});
