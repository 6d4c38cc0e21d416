/** The shipped matrix catalogue editions (data/matrix/editions): they pass the checks against the shipped instruments and sources. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandFields, validateEdition } from '../src/core/catalogue.js';
import { MATRIX_SECTIONS } from '../src/core/matrixTypes.js';

const DATA = join(import.meta.dirname, '..', 'data');
const EDITIONS = join(DATA, 'matrix', 'editions');
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const jsonFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

const INSTRUMENTS = join(DATA, 'treaties', 'instruments');
const instrumentCodes = new Set(jsonFiles(INSTRUMENTS).map((f) => (readJson(join(INSTRUMENTS, f)) as { code: string }).code));
const sourceIds = new Set(jsonFiles(join(DATA, 'sources')).flatMap((f) => Object.keys(readJson(join(DATA, 'sources', f)) as object)));
const editionFiles = jsonFiles(EDITIONS);

describe('shipped matrix catalogue', () => {
  it('has at least one edition, and the reconstructed 2026 edition', () => {
    expect(editionFiles).toContain('2026-reconstructed.json');
  });

  describe.each(editionFiles)('%s', (file) => {
    const raw = readJson(join(EDITIONS, file));
    const { edition, errors } = validateEdition(raw, instrumentCodes, sourceIds);

    it('passes the checks against the shipped instrument codes and sources', () => {
      expect(errors).toEqual([]);
      expect(edition).not.toBeNull();
    });

    it('is named after its id', () => {
      expect(`${edition!.id}.json`).toBe(file);
    });

    it('has the four sections and between 250 and 400 fields', () => {
      expect(edition!.sections.map((s) => s.id)).toEqual([...MATRIX_SECTIONS]);
      const fields = expandFields(edition!);
      expect(fields.length).toBeGreaterThanOrEqual(250);
      expect(fields.length).toBeLessThanOrEqual(400);
      expect(new Set(fields.map((f) => f.id)).size).toBe(fields.length);
    });

    it('OP1 rows on treaties and regimes name known instrument codes, each once', () => {
      const op1 = edition!.sections.find((s) => s.id === 'op1')!;
      const named = op1.tables.flatMap((t) => t.rows).flatMap((r) => r.instruments ?? []);
      expect(named.length).toBeGreaterThan(0);
      for (const code of named) expect(instrumentCodes, code).toContain(code);
      expect(new Set(named).size).toBe(named.length);
    });

    it('cites only sources it declares, and says what is reconstructed', () => {
      expect(edition!.sources.length).toBeGreaterThan(0);
      if (edition!.reconstructed !== null) expect(edition!.reconstructed.length).toBeGreaterThan(100);
    });
  });

  it('the 2026 reconstructed edition: field ids as the catalogue documents them', () => {
    const { edition } = validateEdition(readJson(join(EDITIONS, '2026-reconstructed.json')), instrumentCodes, sourceIds);
    const ids = new Set(expandFields(edition!).map((f) => f.id));
    for (const id of ['op2.nw.manufacture.legal', 'op2.dv.finance.enforcement', 'op3cd.bw.end-user.enforcement', 'op1.nw.npt.yes',
      'op1.nw.nwfz.yes', 'op1.nw.nwfz-protocols.yes', 'op3ab.nw.iaea-safeguards.legal', 'op3ab.bw.pathogen-lists.enforcement']) {
      expect(ids, id).toContain(id);
    }
    const op1Rows = edition!.sections[0]!.tables.flatMap((t) => t.rows);
    expect(op1Rows.find((r) => r.id === 'npt')?.instruments).toEqual(['npt']);
    // Every instrument in data/treaties has a row, so a State's participation in it shows in OP1.
    const named = op1Rows.flatMap((r) => r.instruments ?? []);
    expect([...instrumentCodes].filter((c) => !named.includes(c))).toEqual([]);
  });
});
