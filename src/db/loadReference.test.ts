import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, buildReferenceData } from '../../test/helpers/factories.js';
import { createTestDb, engines } from '../../test/helpers/db.js';
import type { Db } from './connection.js';
import { InvalidReferenceData, loadReferenceData } from './loadReference.js';
import { allActions } from './repositories/actions.js';
import { listStates } from './repositories/states.js';
import { latestRelease } from './repositories/releases.js';
import { migrate } from './migrate.js';

describe.each(engines())('reference data load on %s', (engine) => {
  let db: Db;
  beforeAll(async () => { db = await createTestDb(engine); });
  afterAll(async () => { await db.close(); });

  it('loads a release, and a second load of the same release changes nothing', async () => {
    const first = await loadReferenceData(db, buildReferenceData());
    expect(first.changed).toBe(true);
    expect(first.summary).toEqual({ sources: '1 added', states: '3 added', instruments: '1 added', actions: '3 added' });
    const again = await loadReferenceData(db, buildReferenceData());
    expect(again).toEqual({ changed: false, hash: first.hash, summary: {} });
    expect((await db.query<{ n: number }>('select count(*)::int as n from data_release'))[0]!.n).toBe(1);
    expect(await migrate(db)).toEqual([]);
  });

  it('applies a newer release in place and says what changed', async () => {
    const data = buildReferenceData();
    data.actions = [...data.actions.slice(1), act('CCC', 'accession', '2015-01-02', { note: 'new' })];
    data.states[0] = { ...data.states[0]!, admitted: '1946-01-01' };
    const r = await loadReferenceData(db, data);
    expect(r.summary).toEqual({ states: '1 updated', actions: '1 added, 1 removed' });
    expect((await allActions(db)).map((a) => `${a.state} ${a.action} ${a.date} ${a.note ?? ''}`)).toEqual([
      'AAA ratification 1972-03-01 ', 'BBB accession 2012-05-05 ', 'CCC accession 2015-01-02 new',
    ]);
    expect((await listStates(db)).find((s) => s.iso3 === 'AAA')?.admitted).toBe('1946-01-01');
    expect((await latestRelease(db))?.summary).toEqual(r.summary);
  });

  it('refuses a release that fails the data check and keeps what is stored', async () => {
    const before = await allActions(db);
    const bad = buildReferenceData();
    bad.actions.push(act('ZZZ', 'accession', '2015-01-02'));
    await expect(loadReferenceData(db, bad)).rejects.toBeInstanceOf(InvalidReferenceData);
    expect(await allActions(db)).toEqual(before);
  });

  it('searches names in every language, ignoring accents and case', async () => {
    expect((await listStates(db, { q: 'alphaland' })).map((s) => s.iso3)).toEqual(['AAA']);
    expect((await listStates(db, { q: 'STATE BBB (FR)' })).map((s) => s.iso3)).toEqual(['BBB']);
    expect((await listStates(db, { q: '100%' }))).toEqual([]);
    expect((await listStates(db, { group: 'african' })).map((s) => s.iso3)).toEqual(['BBB']);
    expect((await listStates(db, { group: 'none' })).map((s) => s.iso3)).toEqual(['CCC']);
    expect((await listStates(db, { region: '002' })).map((s) => s.iso3)).toEqual(['BBB']);
  });
});
