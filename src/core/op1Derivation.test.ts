import { describe, expect, it } from 'vitest';
import { act, buildInstrument } from '../../test/helpers/factories.js';
import type { CatalogueField } from './matrixTypes.js';
import { checkEntry } from './matrixEntries.js';
import { deriveOp1, formatDay, instrumentFacts, op1InstrumentFields, type Op1Input } from './op1Derivation.js';
import type { Action, Instrument, Source } from './types.js';

const THREE = [
  { code: 'us', name: 'Government of the United States of America' },
  { code: 'uk', name: 'Government of the United Kingdom of Great Britain and Northern Ireland' },
  { code: 'ru', name: 'Government of the Russian Federation' },
];
const instruments: Instrument[] = [
  buildInstrument({ code: 'npt', depositaries: THREE }),
  buildInstrument({ code: 'ctbt', entryIntoForce: null }),
  buildInstrument({ code: 'tlatelolco-p2', kind: 'protocol', depositaries: [{ code: 'mx', name: 'Government of Mexico' }] }),
  buildInstrument({
    code: 'rarotonga-p1', kind: 'protocol', depositaries: [{ code: 'pifs', name: 'Secretary General of the Pacific Islands Forum Secretariat' }],
  }),
  buildInstrument({ code: 'nsg', kind: 'regime', depositaries: [] }),
];

function field(id: string, instrumentCodes: string[], order = 0): CatalogueField {
  return { id, section: 'op1', table: 'op1', row: id.split('.')[2]!, weapon: 'nw', column: 'yes', label: id, refs: [], instruments: instrumentCodes, order };
}
const fields = [
  field('op1.nw.npt.yes', ['npt'], 0),
  field('op1.nw.nwfz.yes', ['tlatelolco-p2', 'rarotonga-p1'], 1),
  field('op1.nw.ctbt.yes', ['ctbt'], 2),
  field('op1.nw.nsg.yes', ['nsg'], 3),
  field('op1.general.statement.yes', [], 4),
];

const sources: Record<string, Pick<Source, 'title' | 'url'>> = {
  'unoda-npt': { title: 'NPT — status of the treaty', url: 'https://treaties.unoda.org/t/npt' },
  'cns-dprk': { title: 'DPRK withdrawal from the NPT' },
};

const npt = (state: string, action: Action['action'], date: string, over: Partial<Action> = {}): Action =>
  act(state, action, date, { instrument: 'npt', source: 'unoda-npt', ...over });

const USA: Action[] = [
  ...['ru', 'uk', 'us'].map((d) => npt('USA', 'signature', '1968-07-01', { depositary: d })),
  ...['ru', 'uk', 'us'].map((d) => npt('USA', 'ratification', '1970-03-05', { depositary: d })),
  act('USA', 'signature', '1968-04-01', { instrument: 'tlatelolco-p2', depositary: 'mx', source: 'unoda-tlatelolco-p2' }),
  act('USA', 'ratification', '1971-05-12', { instrument: 'tlatelolco-p2', depositary: 'mx', source: 'unoda-tlatelolco-p2' }),
  act('USA', 'signature', '1996-03-25', { instrument: 'rarotonga-p1', depositary: 'pifs', source: 'unoda-rarotonga-protocols' }),
  act('USA', 'signature', '1996-09-24', { instrument: 'ctbt', source: 'unoda-ctbt' }),
  act('USA', 'admission', '1974-01-01', {
    instrument: 'nsg', depositary: null, source: 'nsg-participants', note: 'day not published, first day of the year used',
  }),
];
const DPRK_NOTE = 'Validity disputed';
const PRK: Action[] = [
  npt('PRK', 'accession', '1985-12-12', { depositary: 'ru' }),
  npt('PRK', 'withdrawal', '2003-01-10', { depositary: 'ru', effective: '2003-04-10', source: 'cns-dprk', note: DPRK_NOTE }),
];

function derive(over: Partial<Op1Input>) {
  return deriveOp1({ fields, iso3: 'USA', asOf: '2024-01-01', instruments, actions: [...USA, ...PRK], source: (id) => sources[id], ...over });
}

describe('deriveOp1', () => {
  it('marks X for a party, with the deposit and its depositaries in the remarks and the record cited', () => {
    const v = derive({}).values.get('op1.nw.npt.yes')!;
    expect(v.mark).toBe('X');
    expect(v.provenance).toBe('open-source');
    expect(v.remarks).toBe('Signed on 1 July 1968; ratification deposited 5 March 1970 (depositaries: Government of the Russian Federation, '
      + 'Government of the United Kingdom of Great Britain and Northern Ireland, Government of the United States of America)');
    expect(v.evidence).toEqual([
      { kind: 'depositary-record', document: 'NPT — status of the treaty', url: 'https://treaties.unoda.org/t/npt', locator: null },
    ]);
    expect(checkEntry(v)).toEqual([]);
  });

  it('returns the facts beside the text, one per act and depositary', () => {
    const facts = derive({}).facts.get('op1.nw.npt.yes')!;
    expect(facts.map((f) => [f.action, f.date, f.depositary])).toEqual([
      ['signature', '1968-07-01', 'ru'], ['signature', '1968-07-01', 'uk'], ['signature', '1968-07-01', 'us'],
      ['ratification', '1970-03-05', 'ru'], ['ratification', '1970-03-05', 'uk'], ['ratification', '1970-03-05', 'us'],
    ]);
    expect(facts[0]).toMatchObject({ instrument: 'npt', effective: null, source: 'unoda-npt' });
  });

  it('states the earliest deposit only, where depositaries received it on different days', () => {
    const actions = [npt('GBR', 'ratification', '1968-11-27', { depositary: 'uk' }), npt('GBR', 'ratification', '1968-11-29', { depositary: 'us' })];
    const v = derive({ iso3: 'GBR', actions }).values.get('op1.nw.npt.yes')!;
    expect(v.remarks).toBe('Ratification deposited 27 November 1968 (depositary: Government of the United Kingdom of Great Britain and Northern Ireland)');
  });

  it('gives no X to a signatory, and says it is not ratified', () => {
    const v = derive({}).values.get('op1.nw.ctbt.yes')!;
    expect(v.mark).toBeNull();
    expect(v.remarks).toBe('Signed on 24 September 1996; not ratified');
    expect(v.evidence).toEqual([{ kind: 'depositary-record', document: 'unoda-ctbt', url: null, locator: null }]);
  });

  it('lists each instrument of a zone row, and marks X if the State is party to any of them', () => {
    const d = derive({});
    const v = d.values.get('op1.nw.nwfz.yes')!;
    expect(v.mark).toBe('X');
    expect(v.remarks).toBe('TLATELOLCO-P2: Signed on 1 April 1968; ratification deposited 12 May 1971 (depositary: Government of Mexico). '
      + 'RAROTONGA-P1: Signed on 25 March 1996; not ratified');
    expect(v.evidence.map((e) => e.document)).toEqual(['unoda-tlatelolco-p2', 'unoda-rarotonga-protocols']);
    expect(d.statuses.get('op1.nw.nwfz.yes')!.map((s) => [s.instrument, s.status])).toEqual([['tlatelolco-p2', 'party'], ['rarotonga-p1', 'signatory']]);
  });

  it('gives no X for a row where the State is only a signatory of every instrument', () => {
    const v = derive({ actions: USA.filter((a) => a.instrument !== 'tlatelolco-p2') }).values.get('op1.nw.nwfz.yes')!;
    expect(v.mark).toBeNull();
    expect(v.remarks).toBe('RAROTONGA-P1: Signed on 25 March 1996; not ratified');
  });

  it('states a regime admission, with the record\'s note', () => {
    const v = derive({}).values.get('op1.nw.nsg.yes')!;
    expect(v.mark).toBe('X');
    expect(v.remarks).toBe('Admitted on 1 January 1974 (day not published, first day of the year used)');
  });

  it('DPRK and the NPT: X while the withdrawal is pending, stated; no X once it takes effect', () => {
    const pending = derive({ iso3: 'PRK', asOf: '2003-02-01' }).values.get('op1.nw.npt.yes')!;
    expect(pending.mark).toBe('X');
    expect(pending.remarks).toBe('Accession deposited 12 December 1985 (depositary: Government of the Russian Federation); '
      + `withdrawal notified on 10 January 2003 (depositary: Government of the Russian Federation), taking effect on 10 April 2003 (${DPRK_NOTE})`);

    const after = derive({ iso3: 'PRK' });
    const v = after.values.get('op1.nw.npt.yes')!;
    expect(v.mark).toBeNull();
    expect(v.remarks).toBe('Accession deposited 12 December 1985 (depositary: Government of the Russian Federation); '
      + `withdrawal notified on 10 January 2003 (depositary: Government of the Russian Federation), effective 10 April 2003 (${DPRK_NOTE})`);
    expect(v.evidence.map((e) => e.document)).toEqual(['NPT — status of the treaty', 'DPRK withdrawal from the NPT']);
    expect(after.facts.get('op1.nw.npt.yes')!.map((f) => [f.action, f.date, f.effective])).toEqual([
      ['accession', '1985-12-12', null], ['withdrawal', '2003-01-10', '2003-04-10'],
    ]);
    expect(after.statuses.get('op1.nw.npt.yes')![0]).toMatchObject({ status: 'withdrawn', since: '2003-04-10' });
  });

  it('the Russian Federation and the CTBT: a revoked ratification is stated, and leaves no X', () => {
    const actions = [
      act('RUS', 'signature', '1996-09-24', { instrument: 'ctbt' }), act('RUS', 'ratification', '2000-06-30', { instrument: 'ctbt' }),
      act('RUS', 'revocation', '2023-11-02', { instrument: 'ctbt' }),
    ];
    expect(derive({ iso3: 'RUS', actions, asOf: '2023-11-01' }).values.get('op1.nw.ctbt.yes')!.mark).toBe('X');
    const v = derive({ iso3: 'RUS', actions }).values.get('op1.nw.ctbt.yes')!;
    expect(v.mark).toBeNull();
    expect(v.remarks).toBe('Signed on 24 September 1996; ratification deposited 30 June 2000 (depositary: Secretary-General of the United Nations); '
      + 'ratification revoked on 2 November 2023 (depositary: Secretary-General of the United Nations); not ratified');
  });

  it('a party again after a withdrawal: both the withdrawal and the new consent are stated', () => {
    const actions = [
      npt('ZZZ', 'accession', '1990-01-01', { depositary: 'us' }),
      npt('ZZZ', 'withdrawal', '1995-01-01', { depositary: 'us', effective: '1995-04-01' }),
      npt('ZZZ', 'accession', '2000-01-01', { depositary: 'us' }),
    ];
    const v = derive({ iso3: 'ZZZ', actions }).values.get('op1.nw.npt.yes')!;
    expect(v.mark).toBe('X');
    expect(v.remarks).toMatch(
      /^Accession deposited 1 January 1990 .*; withdrawal notified on 1 January 1995 .*, effective 1 April 1995; accession deposited 1 January 2000 /,
    );
  });

  it('leaves out rows with no recorded act, rows without instruments, and acts after the date', () => {
    const d = derive({});
    expect([...d.values.keys()]).toEqual(['op1.nw.npt.yes', 'op1.nw.nwfz.yes', 'op1.nw.ctbt.yes', 'op1.nw.nsg.yes']);
    expect(derive({ iso3: 'FRA' }).values.size).toBe(0);
    const early = derive({ asOf: '1969-12-31' });
    expect(early.values.get('op1.nw.npt.yes')).toMatchObject({ mark: null, remarks: 'Signed on 1 July 1968; not ratified' });
    expect(derive({ asOf: '1968-06-30' }).values.has('op1.nw.npt.yes')).toBe(false);
    expect(op1InstrumentFields(fields).map((f) => f.id)).not.toContain('op1.general.statement.yes');
  });

  it('follows the status rules rather than its own (same-day signature and consent)', () => {
    const { facts, result } = instrumentFacts([act('X', 'signature', '2000-01-01'), act('X', 'ratification', '2000-01-01')], '2001-01-01');
    expect(result.status).toBe('party');
    expect(facts.map((f) => f.action)).toEqual(['signature', 'ratification']);
  });

  it('formats days in English', () => {
    expect(formatDay('1970-03-05')).toBe('5 March 1970');
    expect(formatDay('1996-09-10')).toBe('10 September 1996');
  });
});
