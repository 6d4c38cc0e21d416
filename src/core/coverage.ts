/**
 * Descriptive coverage of the published matrices: how many fields have measures, per State and across States.
 *
 * Method (one method, the same for every State): a field "with measures" is a field marked X. This is the
 * Committee's own count of the data fields with measures in place (the average per State, the number of
 * States by number of fields with measures). A `?` (references incomplete or not directly relevant) and an
 * NA (not applicable) are not counted; a blank is not counted. The OP1 rows (treaties, agreements, regimes,
 * filled from participation records) count like any other field. Only the catalogue's fields are counted
 * (a value for a field outside the catalogue is left out), after the optional filters by section, weapon
 * type and column.
 *
 * The figures describe what the matrices record; they do not measure compliance. There is no composite score
 * and States are never ordered by their count: per-State figures come in order of ISO code, group and region
 * figures in a fixed order.
 */
import {
  MATRIX_SECTIONS, MATRIX_WEAPONS, type CatalogueField, type EntryValue, type MatrixColumn, type MatrixSectionId, type MatrixWeapon,
} from './matrixTypes.js';
import { REGIONAL_GROUPS, type RegionalGroup } from './types.js';

export const COVERAGE_METHOD =
  'A field with measures is a field marked X. Marks of ? and NA, and blank fields, are not counted. The same count is made for every ' +
  'State with a published matrix as of the date; it describes what the matrices record and is not a measure of compliance.';

/** One State with a published matrix as of the date. */
export interface CoverageStateInput {
  iso3: string;
  group: RegionalGroup | null;
  /** Region name (or code): the key by which States are grouped by region. */
  region: string | null;
  values: ReadonlyMap<string, EntryValue>;
}

export interface CoverageFilters {
  sections?: readonly MatrixSectionId[];
  weapons?: readonly MatrixWeapon[];
  columns?: readonly MatrixColumn[];
  /** Only States of these regional groups (null: States in no group). */
  groups?: readonly (RegionalGroup | null)[];
  /** Only States of these regions (null: States with no region). */
  regions?: readonly (string | null)[];
}

export interface StateCoverage {
  iso3: string;
  total: number;
  bySection: Record<MatrixSectionId, number>;
  byWeapon: Record<MatrixWeapon, number>;
}

/** "Number of States by number of fields with measures": States whose count lies in from..to (inclusive). */
export interface DistributionBin { from: number; to: number; states: number }

export interface Summary { states: number; mean: number | null; median: number | null }

export interface CoverageResult {
  method: string;
  /** Number of fields counted (after the filters). */
  fieldCount: number;
  /** Per State, in order of ISO code. */
  states: StateCoverage[];
  distribution: DistributionBin[];
  overall: Summary;
  /** In the order of REGIONAL_GROUPS, then States in no group (`none`); groups with no State are left out. */
  byGroup: (Summary & { group: RegionalGroup | 'none' })[];
  /** In alphabetical order of region, then States with no region (`none`). */
  byRegion: (Summary & { region: string | 'none' })[];
  /** Every field, by the number of States that left it blank (no mark), most first; ties in catalogue order. */
  mostOftenEmpty: { field: string; empty: number }[];
}

export const BIN_SIZE = 10;

/** True when the value records measures in place (mark X). */
export function hasMeasures(v: EntryValue | null | undefined): boolean {
  return v?.mark === 'X';
}

/** Number of fields with measures (mark X) among the values; with `fields`, only those fields are counted. */
export function fieldsWithMeasures(values: ReadonlyMap<string, EntryValue>, fields?: readonly CatalogueField[]): number {
  if (fields) return fields.filter((f) => hasMeasures(values.get(f.id))).length;
  let n = 0;
  for (const v of values.values()) if (hasMeasures(v)) n++;
  return n;
}

/** The mean and median of a list of counts (null for an empty list). */
export function summarise(counts: readonly number[]): Summary {
  if (counts.length === 0) return { states: 0, mean: null, median: null };
  const sorted = [...counts].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { states: counts.length, mean: counts.reduce((s, n) => s + n, 0) / counts.length, median };
}

/** Bins of BIN_SIZE fields, 0–9, 10–19, …, the last one ending at the number of fields. */
export function distribution(counts: readonly number[], fieldCount: number): DistributionBin[] {
  const bins: DistributionBin[] = [];
  for (let from = 0; from <= fieldCount; from += BIN_SIZE) bins.push({ from, to: Math.min(from + BIN_SIZE - 1, fieldCount), states: 0 });
  for (const n of counts) {
    const bin = bins[Math.min(Math.floor(n / BIN_SIZE), bins.length - 1)]!;
    bin.states++;
  }
  return bins;
}

function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

/** The coverage statistics for the given States, as described at the top of this file. */
export function coverage(fields: readonly CatalogueField[], states: readonly CoverageStateInput[], filters: CoverageFilters = {}): CoverageResult {
  const counted = [...fields]
    .filter((f) => (!filters.sections || filters.sections.includes(f.section))
      && (!filters.weapons || filters.weapons.includes(f.weapon))
      && (!filters.columns || filters.columns.includes(f.column)))
    .sort((a, b) => a.order - b.order);
  const included = states
    .filter((s) => (!filters.groups || filters.groups.includes(s.group)) && (!filters.regions || filters.regions.includes(s.region)))
    .sort((a, b) => (a.iso3 < b.iso3 ? -1 : a.iso3 > b.iso3 ? 1 : 0));

  const empty = new Map(counted.map((f) => [f.id, 0]));
  const perState: StateCoverage[] = included.map((s) => {
    const c: StateCoverage = { iso3: s.iso3, total: 0, bySection: zeroes(MATRIX_SECTIONS), byWeapon: zeroes(MATRIX_WEAPONS) };
    for (const f of counted) {
      const v = s.values.get(f.id);
      if ((v?.mark ?? null) === null) empty.set(f.id, empty.get(f.id)! + 1);
      if (!hasMeasures(v)) continue;
      c.total++; c.bySection[f.section]++; c.byWeapon[f.weapon]++;
    }
    return c;
  });

  const totals = perState.map((c) => c.total);
  const summaryOf = (pick: (s: CoverageStateInput) => boolean): Summary => summarise(perState.filter((_, i) => pick(included[i]!)).map((c) => c.total));

  const byGroup: CoverageResult['byGroup'] = [];
  for (const group of [...REGIONAL_GROUPS, 'none'] as const) {
    const sum = summaryOf((s) => (s.group ?? 'none') === group);
    if (sum.states > 0) byGroup.push({ group, ...sum });
  }
  const regions = [...new Set(included.map((s) => s.region).filter((r): r is string => r !== null))].sort((a, b) => a.localeCompare(b, 'en'));
  const byRegion: CoverageResult['byRegion'] = regions.map((region) => ({ region, ...summaryOf((s) => s.region === region) }));
  const noRegion = summaryOf((s) => s.region === null);
  if (noRegion.states > 0) byRegion.push({ region: 'none', ...noRegion });

  const position = new Map(counted.map((f, i) => [f.id, i]));
  const mostOftenEmpty = [...empty].map(([field, n]) => ({ field, empty: n }))
    .sort((a, b) => b.empty - a.empty || position.get(a.field)! - position.get(b.field)!);

  return {
    method: COVERAGE_METHOD,
    fieldCount: counted.length,
    states: perState,
    distribution: distribution(totals, counted.length),
    overall: summarise(totals),
    byGroup,
    byRegion,
    mostOftenEmpty,
  };
}
