/** Small builders of reference records for tests (names in six languages, sources that exist). */
import type { ReferenceData } from '../../src/core/referenceData.js';
import type { CatalogueEdition } from '../../src/core/matrixTypes.js';
import { LANGS, type Action, type Instrument, type State } from '../../src/core/types.js';

export function buildState(over: Partial<State> & { iso3: string }): State {
  const n = over.names?.en?.short ?? `State ${over.iso3}`;
  return {
    iso2: over.iso3.slice(0, 2), m49: String(100 + (over.iso3.charCodeAt(0) * 7 + over.iso3.charCodeAt(1) * 3 + over.iso3.charCodeAt(2)) % 899).padStart(3, '0'),
    unStatus: 'member', admitted: '1945-10-24',
    names: Object.fromEntries(LANGS.map((l) => [l, { short: `${n}${l === 'en' ? '' : ` (${l})`}`, formal: `Republic of ${n}` }])) as State['names'],
    aliases: [], group: 'weog', groupRoles: [], region: { code: '150', name: 'Europe' }, subregion: { code: '155', name: 'Western Europe' },
    sources: ['test-source'],
    ...over,
  };
}

export function buildInstrument(over: Partial<Instrument> & { code: string }): Instrument {
  return {
    kind: 'treaty', parent: null, weapons: ['nuclear'],
    names: Object.fromEntries(LANGS.map((l) => [l, { short: over.code.toUpperCase(), full: `Treaty ${over.code} (${l})` }])) as Instrument['names'],
    depositaries: [{ code: 'unsg', name: 'Secretary-General of the United Nations' }],
    openedForSignature: '1970-01-01', entryIntoForce: '1971-01-01', sources: ['test-source'],
    ...over,
  };
}

export function act(state: string, action: Action['action'], date: string, over: Partial<Action> = {}): Action {
  return { instrument: 'tst', state, action, date, depositary: 'unsg', effective: null, source: 'test-source', note: null, ...over };
}

/** A small but complete bundle: three States, one treaty, a few actions. */
export function buildReferenceData(over: Partial<ReferenceData> = {}): ReferenceData {
  return {
    sources: [{ id: 'test-source', title: 'Test source (synthetic)', url: 'https://example.org/test' }],
    states: [
      buildState({ iso3: 'AAA', iso2: 'AA', m49: '901', aliases: ['Alphaland'] }),
      buildState({ iso3: 'BBB', iso2: 'BB', m49: '902', group: 'african', admitted: '2011-07-14', region: { code: '002', name: 'Africa' } }),
      buildState({ iso3: 'CCC', iso2: 'CC', m49: '903', unStatus: 'observer', admitted: null, group: null }),
    ],
    instruments: [buildInstrument({ code: 'tst' })],
    actions: [
      act('AAA', 'signature', '1970-02-01'), act('AAA', 'ratification', '1972-03-01'),
      act('BBB', 'accession', '2012-05-05'),
    ],
    ...over,
  };
}

/** A small catalogue edition over the test instrument: 13 fields in the four sections. */
export function buildEdition(over: Partial<CatalogueEdition> = {}): CatalogueEdition {
  return {
    id: 'test-edition', title: 'Test edition (synthetic)', reconstructed: 'Entirely synthetic, for tests.', resolutions: ['1540 (2004)'], sources: ['test-source'],
    references: [{ id: 'ref-a', label: 'Reference A' }],
    sections: [
      { id: 'op1', label: 'OP1 and related matters', tables: [{ id: 'op1-treaties', label: 'Treaties', rows: [
        { id: 'tst', label: 'Test treaty', weapons: ['nw'], columns: ['yes'], instruments: ['tst'] },
        { id: 'statement', label: 'General statement', weapons: ['general'], columns: ['yes'] },
      ] }] },
      { id: 'op2', label: 'OP2', tables: [{ id: 'op2-prohibitions', label: 'Prohibitions', rows: [
        { id: 'manufacture', label: 'Manufacture / produce', weapons: ['nw', 'cw', 'bw'], columns: ['legal', 'enforcement'], refs: ['ref-a'] },
      ] }] },
      { id: 'op3ab', label: 'OP3 (a) and (b)', tables: [{ id: 'op3ab-account', label: 'Accounting', rows: [
        { id: 'account', label: 'Measures to account for production', weapons: ['nw'], columns: ['legal'] },
      ] }] },
      { id: 'op3cd', label: 'OP3 (c) and (d)', tables: [{ id: 'op3cd-export', label: 'Export controls', rows: [
        { id: 'export', label: 'Export control legislation', weapons: ['bw', 'cw'], columns: ['legal', 'enforcement'] },
      ] }] },
    ],
    ...over,
  };
}
