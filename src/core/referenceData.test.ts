import { describe, expect, it } from 'vitest';
import { act, buildReferenceData } from '../../test/helpers/factories.js';
import { checkReferenceData } from './referenceData.js';

const TODAY = '2026-11-28';

describe('data check', () => {
  it('passes a consistent bundle', () => {
    expect(checkReferenceData(buildReferenceData(), TODAY)).toEqual([]);
  });

  it.each([
    ['an action without a source', act('AAA', 'accession', '1980-01-01', { source: '' }), /names no source/],
    ['an unknown source', act('AAA', 'accession', '1980-01-01', { source: 'nowhere' }), /unknown source "nowhere"/],
    ['an unknown State code', act('ZZZ', 'accession', '1980-01-01'), /unknown State code "ZZZ"/],
    ['an unknown instrument', act('AAA', 'accession', '1980-01-01', { instrument: 'nope' }), /unknown instrument "nope"/],
    ['an impossible date', act('AAA', 'accession', '1980-02-30'), /not a date/],
    ['a future date', act('AAA', 'accession', '2099-01-01'), /in the future/],
    ['a signature before the opening', act('AAA', 'signature', '1960-01-01'), /before the instrument opened/],
    ['a wrong depositary', act('AAA', 'accession', '1980-01-01', { depositary: 'us' }), /depositary must be one of unsg/],
    ['an effective date on a ratification', act('AAA', 'ratification', '1980-01-01', { effective: '1980-02-01' }), /only a withdrawal/],
    ['an unknown action', act('AAA', 'joined' as never, '1980-01-01'), /unknown action "joined"/],
  ])('rejects %s', (_label, bad, message) => {
    const data = buildReferenceData();
    data.actions.push(bad);
    const problems = checkReferenceData(data, TODAY);
    expect(problems.map((p) => p.message).join('\n')).toMatch(message);
  });

  it('rejects a duplicate action', () => {
    const data = buildReferenceData();
    data.actions.push({ ...data.actions[0]! });
    expect(checkReferenceData(data, TODAY).map((p) => p.message)).toContain('duplicate action');
  });

  it('rejects States with duplicate codes, missing names or a member without admission date', () => {
    const data = buildReferenceData();
    data.states.push({ ...data.states[0]! });
    data.states[1] = { ...data.states[1]!, admitted: null, names: { ...data.states[1]!.names, ar: { short: '', formal: '' } } };
    const messages = checkReferenceData(data, TODAY).map((p) => p.message);
    expect(messages).toContain('duplicate iso3 "AAA"');
    expect(messages).toContain('missing ar short or formal name');
    expect(messages).toContain('a member needs an admission date (YYYY-MM-DD)');
  });
});
