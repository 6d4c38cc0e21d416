import { describe, expect, it } from 'vitest';
import { buildInstrument, buildReferenceData } from '../../test/helpers/factories.js';
import { buildNameIndex } from './names.js';
import { extractTreaties, mapUnodaActions } from './unoda.js';

const npt = buildInstrument({ code: 'npt', depositaries: [{ code: 'us', name: 'US' }, { code: 'uk', name: 'UK' }, { code: 'ru', name: 'RU' }] });
const names = buildNameIndex(buildReferenceData().states);

describe('UNODA-shaped participation', () => {
  it('finds treaties in a bare object, a list, or the GraphQL envelope', () => {
    const t = { short_name: 'npt', actions: [] };
    expect(extractTreaties(t)).toHaveLength(1);
    expect(extractTreaties([t, t])).toHaveLength(2);
    expect(extractTreaties({ data: { treaty_: [t] } })).toHaveLength(1);
    expect(extractTreaties({ nothing: true })).toEqual([]);
  });

  it('maps names, action types and depositaries', () => {
    const r = mapUnodaActions({ actions: [
      { date: '1968-07-01T00:00:00', action_type: 'Signatory', state: { name: 'Alphaland' }, depositary: { short_name: 'Washington' } },
      { date: '1970-03-05', action_type: 'Ratification', state: { name: 'State AAA' }, depositary: { short_name: 'Moscow' } },
    ] }, npt, names, 'src');
    expect(r.unmatched).toEqual([]);
    expect(r.problems).toEqual([]);
    expect(r.actions).toEqual([
      { instrument: 'npt', state: 'AAA', action: 'signature', date: '1968-07-01', depositary: 'us', effective: null, source: 'src', note: null },
      { instrument: 'npt', state: 'AAA', action: 'ratification', date: '1970-03-05', depositary: 'ru', effective: null, source: 'src', note: null },
    ]);
  });

  it('reports unmatched names, unknown action types, bad dates and depositaries', () => {
    const r = mapUnodaActions({ actions: [
      { date: '1970-01-01', action_type: 'Ratification', state: { name: 'Atlantis' }, depositary: { short_name: 'London' } },
      { date: '1970-01-01', action_type: 'Adhesion', state: { name: 'Alphaland' }, depositary: { short_name: 'London' } },
      { date: '1970-13-01', action_type: 'Accession', state: { name: 'Alphaland' }, depositary: { short_name: 'London' } },
      { date: '1970-01-01', action_type: 'Accession', state: { name: 'Alphaland' }, depositary: { short_name: 'Geneva' } },
    ] }, npt, names, 'src');
    expect(r.unmatched).toEqual(['Atlantis']);
    expect(r.problems.map((p) => p.message)).toEqual([
      'Alphaland: unknown action_type "Adhesion"',
      'Alphaland: "1970-13-01" is not a date',
      'Alphaland: depositary "Geneva" is not one of us, uk, ru',
    ]);
    expect(r.actions).toEqual([]);
  });
});
