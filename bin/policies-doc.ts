// Writes docs/policies.md from the policy table (npm run docs:policies).
import { writeFileSync } from 'node:fs';
import { createApp } from '../src/api/app.js';
import { renderPolicyDoc } from '../src/api/policies/table.js';
import { OFFLINE_DB } from '../src/db/offline.js';

createApp({ db: OFFLINE_DB });
writeFileSync(new URL('../docs/policies.md', import.meta.url), renderPolicyDoc());
