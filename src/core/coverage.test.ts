import { describe, expect, it } from 'vitest';
import { coverage, distribution, fieldsWithMeasures, summarise, type CoverageStateInput } from './coverage.js';
import type { CatalogueField, EntryValue, Mark, MatrixSectionId, MatrixWeapon } from './matrixTypes.js';

function field(order: number, section: MatrixSectionId, weapon: MatrixWeapon, column: CatalogueField['column'] = 'legal'): CatalogueField {
  const row = `r${order}`;
  return { id: `${section}.${weapon}.${row}.${column}`, section, table: section, row, weapon, column, label: `row ${order}`, refs: [], instruments: [], order };
}
const value = (mark: Mark | null): EntryValue => ({ mark, evidence: [], remarks: null, provenance: 'committee-approved' });

/** 4 fields: op1/nw (yes), op2/nw, op2/cw, op3cd/bw. */
const fields = [field(0, 'op1', 'nw', 'yes'), field(1, 'op2', 'nw'), field(2, 'op2', 'cw'), field(3, 'op3cd', 'bw', 'enforcement')];
const ids = fields.map((f) => f.id);

function state(iso3: string, marks: (Mark | null)[], group: CoverageStateInput['group'] = 'weog', region: string | null = 'Europe'): CoverageStateInput {
  return { iso3, group, region, values: new Map(marks.map((m, i) => [ids[i]!, value(m)] as const).filter(([, v]) => v.mark !== null)) };
}

const states = [
  state('ZZZ', ['X', 'X', 'X', 'X'], 'african', 'Africa'),
  state('AAA', ['X', '?', 'NA', null]),
  state('MMM', ['X', 'X', null, null], 'african', 'Africa'),
  state('BBB', [null, null, null, null], null, null),
];

describe('coverage', () => {
  const r = coverage(fields, states);

  it('counts only X as a field with measures (not ?, not NA), OP1 rows like any other', () => {
    expect(fieldsWithMeasures(states[1]!.values)).toBe(1);
    expect(fieldsWithMeasures(new Map([['a', value('?')], ['b', value('NA')], ['c', value('X')]]))).toBe(1);
    expect(r.states.find((s) => s.iso3 === 'AAA')).toEqual({
      iso3: 'AAA', total: 1, bySection: { op1: 1, op2: 0, op3ab: 0, op3cd: 0 }, byWeapon: { nw: 1, cw: 0, bw: 0, dv: 0, general: 0 },
    });
    expect(r.states.find((s) => s.iso3 === 'ZZZ')).toMatchObject({ total: 4, bySection: { op1: 1, op2: 2, op3cd: 1 }, byWeapon: { nw: 2, cw: 1, bw: 1 } });
  });

  it('returns States in order of ISO code, never by count', () => {
    expect(r.states.map((s) => s.iso3)).toEqual(['AAA', 'BBB', 'MMM', 'ZZZ']);
  });

  it('counts only catalogue fields', () => {
    const extra = state('AAA', ['X']);
    (extra.values as Map<string, EntryValue>).set('op2.nw.retired.legal', value('X'));
    expect(coverage(fields, [extra]).states[0]!.total).toBe(1);
    expect(fieldsWithMeasures(extra.values, fields)).toBe(1);
  });

  it('gives the mean and median overall, by regional group and by region', () => {
    expect(r.overall).toEqual({ states: 4, mean: (1 + 0 + 2 + 4) / 4, median: 1.5 });
    expect(r.byGroup).toEqual([
      { group: 'african', states: 2, mean: 3, median: 3 },
      { group: 'weog', states: 1, mean: 1, median: 1 },
      { group: 'none', states: 1, mean: 0, median: 0 },
    ]);
    expect(r.byRegion).toEqual([
      { region: 'Africa', states: 2, mean: 3, median: 3 },
      { region: 'Europe', states: 1, mean: 1, median: 1 },
      { region: 'none', states: 1, mean: 0, median: 0 },
    ]);
  });

  it('lists fields by how many States left them blank, ties in catalogue order', () => {
    expect(r.mostOftenEmpty).toEqual([
      { field: ids[3], empty: 3 }, { field: ids[2], empty: 2 }, { field: ids[0], empty: 1 }, { field: ids[1], empty: 1 },
    ]);
  });

  it('filters fields by section, weapon or column, and States by group or region', () => {
    const op2 = coverage(fields, states, { sections: ['op2'] });
    expect(op2.fieldCount).toBe(2);
    expect(op2.states.map((s) => s.total)).toEqual([0, 0, 1, 2]);
    expect(coverage(fields, states, { weapons: ['nw'] }).states.map((s) => s.total)).toEqual([1, 0, 2, 2]);
    expect(coverage(fields, states, { columns: ['yes'] }).fieldCount).toBe(1);
    expect(coverage(fields, states, { groups: ['african'] }).states.map((s) => s.iso3)).toEqual(['MMM', 'ZZZ']);
    expect(coverage(fields, states, { groups: [null] }).states.map((s) => s.iso3)).toEqual(['BBB']);
    expect(coverage(fields, states, { regions: ['Europe'] }).states.map((s) => s.iso3)).toEqual(['AAA']);
  });

  it('has nothing to average with no State', () => {
    const none = coverage(fields, []);
    expect(none.overall).toEqual({ states: 0, mean: null, median: null });
    expect(none.byGroup).toEqual([]);
    expect(none.distribution).toEqual([{ from: 0, to: 4, states: 0 }]);
  });

  it('has a documented method and no score', () => {
    expect(r.method).toMatch(/marked X/);
    expect(Object.keys(r).sort()).toEqual(['byGroup', 'byRegion', 'distribution', 'fieldCount', 'method', 'mostOftenEmpty', 'overall', 'states']);
  });
});

describe('distribution: number of States by number of fields with measures', () => {
  it('bins by 10 fields, the last bin ending at the number of fields', () => {
    const bins = distribution([0, 9, 10, 29, 30, 313, 311, 128], 313);
    expect(bins).toHaveLength(32);
    expect(bins[0]).toEqual({ from: 0, to: 9, states: 2 });
    expect(bins[1]).toEqual({ from: 10, to: 19, states: 1 });
    expect(bins[2]).toEqual({ from: 20, to: 29, states: 1 });
    expect(bins[3]).toEqual({ from: 30, to: 39, states: 1 });
    expect(bins[12]).toEqual({ from: 120, to: 129, states: 1 });
    expect(bins[31]).toEqual({ from: 310, to: 313, states: 2 });
    expect(bins.reduce((s, b) => s + b.states, 0)).toBe(8);
  });

  it('gives a State with every field its own last bin when the count is a multiple of 10', () => {
    const bins = distribution([310, 309], 310);
    expect(bins.at(-1)).toEqual({ from: 310, to: 310, states: 1 });
    expect(bins.at(-2)).toEqual({ from: 300, to: 309, states: 1 });
  });
});

describe('summarise', () => {
  it('takes the middle, or the mean of the two middles', () => {
    expect(summarise([5, 1, 3])).toEqual({ states: 3, mean: 3, median: 3 });
    expect(summarise([4, 1, 2, 10])).toEqual({ states: 4, mean: 4.25, median: 3 });
  });
});
