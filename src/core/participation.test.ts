import { describe, expect, it } from 'vitest';
import { act, buildInstrument, buildReferenceData, buildState } from '../../test/helpers/factories.js';
import { completeness, countByGroup, countParticipants, inForceAsOf, participantsAsOf, partiesOverTime } from './participation.js';

describe('participation as of a date', () => {
  const { states, actions } = buildReferenceData();

  it('counts parties among all entities and among UN members on the date', () => {
    const now = countParticipants(participantsAsOf(states, actions, '2020-01-01'));
    expect(now.all).toEqual({ party: 2, signatory: 0, withdrawn: 0, none: 1, total: 3 });
    expect(now.unMembers).toEqual({ party: 2, signatory: 0, withdrawn: 0, none: 0, total: 2 });
    // In 2008 BBB (admitted 2011) was not a UN member and had done nothing: it is not counted at all.
    const then = countParticipants(participantsAsOf(states, actions, '2008-12-31'));
    expect(then.unMembers.total).toBe(1);
    expect(then.all).toEqual({ party: 1, signatory: 0, withdrawn: 0, none: 1, total: 2 });
  });

  it('a non-member party counts among all parties but not among UN members', () => {
    const withObserver = [...actions, act('CCC', 'accession', '2015-01-02')];
    const c = countParticipants(participantsAsOf(states, withObserver, '2016-01-01'));
    expect(c.all.party).toBe(3);
    expect(c.unMembers.party).toBe(2);
  });

  it('counts by regional group', () => {
    const rows = countByGroup(participantsAsOf(states, actions, '2020-01-01'));
    expect(rows).toEqual([
      { group: 'african', counts: { party: 1, signatory: 0, withdrawn: 0, none: 0, total: 1 } },
      { group: 'weog', counts: { party: 1, signatory: 0, withdrawn: 0, none: 0, total: 1 } },
    ]);
  });

  it('gives the parties at the end of each year', () => {
    const h = partiesOverTime(states, actions, 1971, '2013-06-30');
    expect(h[0]).toEqual({ date: '1971-12-31', parties: 0, unMemberParties: 0 });
    expect(h.find((r) => r.date === '1972-12-31')?.parties).toBe(1);
    expect(h.at(-1)).toEqual({ date: '2013-06-30', parties: 2, unMemberParties: 2 });
  });

  it('says when the dated records hold fewer parties than the depositary publishes', () => {
    const counts = countParticipants(participantsAsOf(states, actions, '2020-01-01'));
    const published = { parties: 5, asOf: '2019-06-01', source: 'test-source' };
    expect(completeness({ published }, counts, '2020-01-01')).toEqual({ recorded: 2, published: 5, publishedAsOf: '2019-06-01', source: 'test-source' });
    expect(completeness({ published, incomplete: 'Gaps.' }, counts, '2019-01-01')).toMatchObject({ published: null, note: 'Gaps.' });
    expect(completeness({ published }, counts, '2019-01-01')).toBeNull();
    expect(completeness({ published: { ...published, parties: 2 } }, counts, '2020-01-01')).toBeNull();
    expect(completeness({}, counts, '2020-01-01')).toBeNull();
    expect(completeness({ incomplete: 'Dates of 38 members not published.' }, counts, '1990-01-01'))
      .toEqual({ recorded: 2, published: null, publishedAsOf: null, source: null, note: 'Dates of 38 members not published.' });
  });

  it('knows whether an instrument is in force', () => {
    const ctbt = buildInstrument({ code: 'ctbt', entryIntoForce: null });
    expect(inForceAsOf(ctbt, '2025-01-01')).toBe(false);
    expect(inForceAsOf(buildInstrument({ code: 'x', entryIntoForce: '2021-01-22' }), '2021-01-21')).toBe(false);
    expect(inForceAsOf(buildInstrument({ code: 'r', kind: 'regime', entryIntoForce: null }), '2021-01-21')).toBe(true);
    expect(buildState({ iso3: 'QQQ' }).unStatus).toBe('member');
  });
});
