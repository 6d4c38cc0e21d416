import { describe, expect, it } from 'vitest';
import { createTestDb, engines } from '../test/helpers/db.js';
import { prepareDatabase } from './server.js';

describe.each(engines())('start-up on %s', (engine) => {
  it('loads the shipped data on the first start and changes nothing on the second, saying so', async () => {
    const db = await createTestDb(engine);
    try {
      const first: string[] = [];
      await prepareDatabase(db, (l) => first.push(l));
      expect(first.join('\n')).toMatch(/reference data release \w{12} loaded \(sources: \d+ added; states: 197 added; instruments: \d+ added; actions: \d+ added\)/);
      const second: string[] = [];
      await prepareDatabase(db, (l) => second.push(l));
      expect(second).toEqual([expect.stringMatching(/already loaded; nothing changed/)]);
      const rows = await db.query<{ n: number }>('select count(*)::int as n from participation_action');
      expect(rows[0]?.n).toBeGreaterThan(3000);
    } finally { await db.close(); }
  });
});
