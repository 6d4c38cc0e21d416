import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildInstrument, buildReferenceData } from '../../test/helpers/factories.js';
import { actionsCsv } from './actionsFile.js';
import { readReferenceData } from './referenceFiles.js';
import { importUnodaFile, ImportRefused } from './unodaImport.js';

let dir: string;

/** Writes a small data folder in the shipped layout. */
function writeDataDir(): void {
  const data = buildReferenceData({ instruments: [buildInstrument({ code: 'npt', openedForSignature: '1968-07-01', depositaries: [{ code: 'us', name: 'US' }, { code: 'uk', name: 'UK' }, { code: 'ru', name: 'RU' }] })], actions: [] });
  data.states[0]!.aliases = ['Turkey'];
  for (const sub of ['states', 'sources', 'treaties/instruments', 'treaties/actions']) mkdirSync(join(dir, sub), { recursive: true });
  writeFileSync(join(dir, 'states/states.json'), JSON.stringify(data.states));
  writeFileSync(join(dir, 'sources/test.json'), JSON.stringify(Object.fromEntries(data.sources.map(({ id, ...s }) => [id, s]))));
  writeFileSync(join(dir, 'treaties/instruments/npt.json'), JSON.stringify(data.instruments[0]));
  writeFileSync(join(dir, 'treaties/actions/npt.csv'), actionsCsv([
    { instrument: 'npt', state: 'AAA', action: 'signature', date: '1968-07-01', depositary: 'us', effective: null, source: 'test-source', note: 'kept, with a comma' },
  ]));
}

const payload = (name: string) => ({ data: { treaty_: [{ short_name: 'npt', actions: [
  { date: '1968-07-01', action_type: 'Signatory', state: { name: 'Turkey' }, depositary: { short_name: 'Washington' } },
  { date: '1980-02-02', action_type: 'Ratification', state: { name: 'Turkey' }, depositary: { short_name: 'London' } },
  { date: '2012-05-05', action_type: 'Accession', state: { name }, depositary: { short_name: 'Moscow' } },
] }] } });

beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'open1540-import-')); writeDataDir(); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('open1540 import unoda', () => {
  it('adds new actions, keeps what was there, and a second import changes nothing', () => {
    const file = join(dir, 'npt.json');
    writeFileSync(file, JSON.stringify(payload('State BBB')));
    expect(importUnodaFile(file, dir)).toEqual([{ instrument: 'npt', added: 2, present: 1 }]);
    const after = readFileSync(join(dir, 'treaties/actions/npt.csv'), 'utf8');
    expect(after).toContain('AAA,signature,1968-07-01,us,,test-source,"kept, with a comma"');
    expect(after).toContain('AAA,ratification,1980-02-02,uk,,unoda-import-npt,');
    expect(after).toContain('BBB,accession,2012-05-05,ru,,unoda-import-npt,');
    expect(readReferenceData(dir).sources.map((s) => s.id)).toContain('unoda-import-npt');
    expect(importUnodaFile(file, dir)).toEqual([{ instrument: 'npt', added: 0, present: 3 }]);
    expect(readFileSync(join(dir, 'treaties/actions/npt.csv'), 'utf8')).toBe(after);
  });

  it('writes nothing when a name does not match, and says which', () => {
    const before = readFileSync(join(dir, 'treaties/actions/npt.csv'), 'utf8');
    const file = join(dir, 'npt.json');
    writeFileSync(file, JSON.stringify(payload('Atlantis')));
    expect(() => importUnodaFile(file, dir)).toThrow(ImportRefused);
    expect(() => importUnodaFile(file, dir)).toThrow(/not matched to a code: Atlantis/);
    expect(readFileSync(join(dir, 'treaties/actions/npt.csv'), 'utf8')).toBe(before);
  });

  it('refuses files that are not JSON or hold no actions', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, '{not json');
    expect(() => importUnodaFile(file, dir)).toThrow(/not readable JSON/);
    writeFileSync(file, '{"hello": 1}');
    expect(() => importUnodaFile(file, dir)).toThrow(/no treaty with an "actions" list/);
  });
});
