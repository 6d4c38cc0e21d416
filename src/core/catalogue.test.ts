/** The catalogue checks: each rule rejects a crafted bad edition and names the place; fields expand in order; field ids round-trip. */
import { describe, expect, it } from 'vitest';
import { expandFields, fieldId, parseFieldId, validateEdition } from './catalogue.js';
import type { CatalogueEdition } from './matrixTypes.js';

const INSTRUMENTS = new Set(['npt', 'bwc', 'cwc', 'tlatelolco', 'rarotonga']);
const SOURCES = new Set(['matrix-unscr-1540', 'matrix-un-1540-matrices']);

function small(): CatalogueEdition {
  return {
    id: 'test-edition',
    title: 'A small edition',
    reconstructed: 'Everything in it is made up for the test.',
    resolutions: ['1540 (2004)'],
    sources: ['matrix-unscr-1540'],
    references: [
      { id: 'res1540-op2', label: 'Resolution 1540 (2004), OP 2', url: 'https://undocs.org/S/RES/1540(2004)' },
      { id: 'bwc-art-4', label: 'BWC, Article IV' },
    ],
    sections: [
      {
        id: 'op1',
        label: 'OP 1',
        tables: [{
          id: 'op1-instruments',
          label: 'Instruments',
          rows: [
            { id: 'npt', label: 'NPT', weapons: ['nw'], columns: ['yes'], instruments: ['npt'] },
            { id: 'nwfz', label: 'Zones', weapons: ['nw'], columns: ['yes'], instruments: ['tlatelolco', 'rarotonga'] },
          ],
        }],
      },
      {
        id: 'op2',
        label: 'OP 2',
        tables: [
          {
            id: 'op2-activities',
            label: 'Activities',
            rows: [
              { id: 'manufacture', label: 'Manufacture / produce', weapons: ['nw', 'bw'], columns: ['legal', 'enforcement'], refs: ['res1540-op2'] },
              { id: 'acquire', label: 'Acquire', weapons: ['bw'], columns: ['enforcement', 'legal'], refs: ['res1540-op2', 'bwc-art-4'], note: 'A note.' },
            ],
          },
          { id: 'op2-other', label: 'Other', rows: [{ id: 'finance', label: 'Finance', weapons: ['dv'], columns: ['legal'] }] },
        ],
      },
    ],
  };
}

/** A copy of the small edition, changed by `change`. */
function bad(change: (e: any) => void): unknown {
  const e = structuredClone(small());
  change(e);
  return e;
}

const check = (e: unknown) => validateEdition(e, INSTRUMENTS, SOURCES);

describe('validateEdition', () => {
  it('accepts a good edition and returns it', () => {
    const r = check(small());
    expect(r.errors).toEqual([]);
    expect(r.edition?.id).toBe('test-edition');
  });

  it('rejects what is not an object', () => {
    expect(check(null)).toEqual({ edition: null, errors: ['edition: not an object'] });
    expect(check([]).errors).toEqual(['edition: not an object']);
  });

  it('rejects missing required properties', () => {
    const r = check(bad((e) => { delete e.title; delete e.sources; delete e.sections[1].tables[0].rows[1].columns; }));
    expect(r.edition).toBeNull();
    expect(r.errors).toContain('edition: title: missing');
    expect(r.errors).toContain('edition: sources: missing');
    expect(r.errors).toContain('sections[1].tables[0].rows[1] (op2 / acquire): columns: missing');
  });

  it('rejects an unknown property (a misspelt one is not silently ignored)', () => {
    const r = check(bad((e) => { e.sections[0].tables[0].rows[0].instrument = ['npt']; }));
    expect(r.errors).toEqual(['sections[0].tables[0].rows[0] (op1 / npt): unknown property "instrument"']);
  });

  it('rejects empty or missing labels, naming the place', () => {
    const r = check(bad((e) => {
      e.sections[1].label = ' ';
      e.sections[1].tables[1].label = '';
      delete e.sections[1].tables[0].rows[0].label;
      e.references[1].label = '';
    }));
    expect(r.errors).toEqual([
      'references[1] (bwc-art-4): label: empty',
      'sections[1] (op2): label: empty',
      'sections[1].tables[0].rows[0] (op2 / manufacture): label: missing',
      'sections[1].tables[1] (op2 / op2-other): label: empty',
    ]);
  });

  it('rejects unknown sections, weapon types and columns', () => {
    const r = check(bad((e) => {
      e.sections[1].id = 'op4';
      e.sections[0].tables[0].rows[1].weapons = ['rw'];
    }));
    expect(r.errors).toContain('sections[1] (op4): id: must be one of op1, op2, op3ab, op3cd');
    expect(r.errors).toContain('sections[0].tables[0].rows[1] (op1 / nwfz): weapons: "rw" is not one of nw, cw, bw, dv, general');
    const c = check(bad((e) => { e.sections[1].tables[0].rows[1].columns = ['legal', 'penalties']; }));
    expect(c.errors).toEqual(['sections[1].tables[0].rows[1] (op2 / acquire): columns: "penalties" is not one of legal, enforcement, yes']);
  });

  it('keeps the "yes" column to OP1 and OP1 to the "yes" column', () => {
    const r = check(bad((e) => {
      e.sections[0].tables[0].rows[0].columns = ['yes', 'legal'];
      e.sections[1].tables[1].rows[0].columns = ['yes'];
    }));
    expect(r.errors).toEqual([
      'sections[0].tables[0].rows[0] (op1 / npt): columns: OP1 rows have only the "yes" column',
      'sections[1].tables[1].rows[0] (op2 / finance): columns: "yes" is the OP1 column',
    ]);
  });

  it('rejects empty weapon or column lists', () => {
    const r = check(bad((e) => { e.sections[1].tables[1].rows[0].weapons = []; }));
    expect(r.errors).toEqual(['sections[1].tables[1].rows[0] (op2 / finance): weapons: must not be empty']);
  });

  it('rejects a duplicate row id within a section, even in another table', () => {
    const r = check(bad((e) => { e.sections[1].tables[1].rows[0].id = 'acquire'; }));
    expect(r.errors).toEqual([
      'sections[1].tables[1].rows[0] (op2 / acquire): id: duplicate row id "acquire" in section op2 (first at sections[1].tables[0].rows[1] (op2 / acquire))',
    ]);
  });

  it('allows the same row id in two sections', () => {
    expect(check(bad((e) => { e.sections[1].tables[1].rows[0].id = 'npt'; })).errors).toEqual([]);
  });

  it('rejects a duplicate table id, across sections too', () => {
    const r = check(bad((e) => { e.sections[1].tables[1].id = 'op1-instruments'; }));
    expect(r.errors).toEqual([
      'sections[1].tables[1] (op2 / op1-instruments): id: duplicate table id "op1-instruments" (first at sections[0].tables[0] (op1 / op1-instruments))',
    ]);
  });

  it('rejects a duplicate section', () => {
    const r = check(bad((e) => {
      e.sections[1].id = 'op1';
      for (const t of e.sections[1].tables) for (const row of t.rows) { row.columns = ['yes']; row.id += '-x'; }
    }));
    expect(r.errors).toEqual(['sections[1] (op1): id: duplicate section id "op1"']);
  });

  it('rejects a duplicate derived field id (a weapon type or column listed twice)', () => {
    const r = check(bad((e) => { e.sections[1].tables[0].rows[0].weapons = ['nw', 'bw', 'nw']; }));
    expect(r.errors).toEqual([
      'sections[1].tables[0].rows[0] (op2 / manufacture): duplicate field id "op2.nw.manufacture.legal" (a weapon type or column is listed twice)',
      'sections[1].tables[0].rows[0] (op2 / manufacture): duplicate field id "op2.nw.manufacture.enforcement" (a weapon type or column is listed twice)',
    ]);
  });

  it('rejects row ids that cannot be part of a field id', () => {
    const r = check(bad((e) => { e.sections[1].tables[0].rows[1].id = 'Acquire.Possess'; }));
    expect(r.errors).toEqual(['sections[1].tables[0].rows[1] (op2 / Acquire.Possess): id: "Acquire.Possess" is not a kebab-case slug']);
  });

  it('rejects a duplicate reference id', () => {
    const r = check(bad((e) => { e.references.push({ id: 'bwc-art-4', label: 'Again' }); }));
    expect(r.errors).toEqual(['references[2] (bwc-art-4): id: duplicate reference id "bwc-art-4"']);
  });

  it('rejects a dangling cross-reference', () => {
    const r = check(bad((e) => { e.references.splice(1, 1); }));
    expect(r.errors).toEqual(['sections[1].tables[0].rows[1] (op2 / acquire): refs: "bwc-art-4" is not declared in references (dangling cross-reference)']);
  });

  it('rejects a reference address that is not http(s)', () => {
    const r = check(bad((e) => { e.references[0].url = 'undocs.org/S/RES/1540(2004)'; }));
    expect(r.errors).toEqual(['references[0] (res1540-op2): url: must be an http(s) address']);
  });

  it('rejects unknown instrument codes when the codes are given, and accepts any without them', () => {
    const edition = bad((e) => { e.sections[0].tables[0].rows[1].instruments = ['tlatelolco', 'tlateloco']; });
    expect(check(edition).errors).toEqual(['sections[0].tables[0].rows[1] (op1 / nwfz): instruments: "tlateloco" is not a known instrument code']);
    expect(validateEdition(edition).errors).toEqual([]);
  });

  it('rejects an instrument listed twice', () => {
    const r = check(bad((e) => { e.sections[0].tables[0].rows[0].instruments = ['npt', 'npt']; }));
    expect(r.errors).toEqual(['sections[0].tables[0].rows[0] (op1 / npt): instruments: "npt" is listed twice']);
  });

  it('rejects unknown source ids when the ids are given', () => {
    const edition = bad((e) => { e.sources.push('matrix-nowhere'); });
    expect(check(edition).errors).toEqual(['edition: sources: "matrix-nowhere" is not a known source']);
    expect(validateEdition(edition, INSTRUMENTS).errors).toEqual([]);
  });

  it('rejects an empty reconstructed text (null is the official edition)', () => {
    expect(check(bad((e) => { e.reconstructed = ''; })).errors).toEqual(['edition: reconstructed: must be null or a non-empty text']);
    expect(check(bad((e) => { e.reconstructed = null; })).errors).toEqual([]);
  });

  it('rejects empty tables and empty sections', () => {
    const r = check(bad((e) => { e.sections[1].tables[1].rows = []; e.sections[0].tables = []; }));
    expect(r.errors).toEqual([
      'sections[0] (op1): tables: must be a non-empty list',
      'sections[1].tables[1] (op2 / op2-other): rows: must be a non-empty list',
    ]);
  });
});

describe('expandFields', () => {
  it('lists every field in file order, with the row label, refs and instruments', () => {
    const fields = expandFields(small());
    expect(fields.map((f) => f.id)).toEqual([
      'op1.nw.npt.yes',
      'op1.nw.nwfz.yes',
      'op2.nw.manufacture.legal',
      'op2.nw.manufacture.enforcement',
      'op2.bw.manufacture.legal',
      'op2.bw.manufacture.enforcement',
      'op2.bw.acquire.enforcement',
      'op2.bw.acquire.legal',
      'op2.dv.finance.legal',
    ]);
    expect(fields.map((f) => f.order)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(fields[1]).toEqual({
      id: 'op1.nw.nwfz.yes', section: 'op1', table: 'op1-instruments', row: 'nwfz', weapon: 'nw', column: 'yes', label: 'Zones',
      refs: [], instruments: ['tlatelolco', 'rarotonga'], order: 1,
    });
    expect(fields[7]).toMatchObject({ table: 'op2-activities', label: 'Acquire', refs: ['res1540-op2', 'bwc-art-4'], instruments: [] });
  });

  it('does not share arrays with the edition', () => {
    const e = small();
    expandFields(e)[0]!.instruments.push('bwc');
    expect(e.sections[0]!.tables[0]!.rows[0]!.instruments).toEqual(['npt']);
  });
});

describe('field ids', () => {
  it('builds and parses them', () => {
    expect(fieldId('op2', 'nw', 'manufacture', 'legal')).toBe('op2.nw.manufacture.legal');
    expect(parseFieldId('op3cd.bw.end-user.enforcement')).toEqual({ section: 'op3cd', weapon: 'bw', row: 'end-user', column: 'enforcement' });
    expect(parseFieldId(fieldId('op1', 'general', 'no-wmd', 'yes'))).toEqual({ section: 'op1', weapon: 'general', row: 'no-wmd', column: 'yes' });
  });

  it('refuses what is not a field id', () => {
    for (const id of ['', 'op2.nw.manufacture', 'op4.nw.manufacture.legal', 'op2.rw.manufacture.legal', 'op2.nw.manufacture.penalties',
      'op2.nw.Manufacture.legal', 'op2.nw.manufacture.legal.x', 'op2.nw..legal']) {
      expect(parseFieldId(id), id).toBeNull();
    }
  });
});
