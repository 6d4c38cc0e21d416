// Writes docs/policies.md from the policy table (npm run docs:policies).
import { writeFileSync } from 'node:fs';
import { createApp } from '../src/api/app.js';
import { renderPolicyDoc } from '../src/api/policies/table.js';

createApp({ db: { kind: 'pglite', query: async () => [], exec: async () => {}, transaction: async (fn: (tx: never) => Promise<unknown>) => fn(undefined as never), close: async () => {} } as never });
writeFileSync(new URL('../docs/policies.md', import.meta.url), renderPolicyDoc());
