import { describe, expect, it } from 'vitest';
import { act } from '../../test/helpers/factories.js';
import { statusAsOf } from './status.js';

describe('statusAsOf: the published rules', () => {
  it('is none with no action, and ignores actions after the date', () => {
    expect(statusAsOf([], '2020-01-01').status).toBe('none');
    expect(statusAsOf([act('X', 'ratification', '2021-01-01')], '2020-12-31').status).toBe('none');
  });

  it('makes a signatory, then a party from the deposit of consent', () => {
    const actions = [act('X', 'signature', '1996-09-24'), act('X', 'ratification', '2000-06-30')];
    expect(statusAsOf(actions, '1999-01-01')).toMatchObject({ status: 'signatory', since: '1996-09-24', signed: '1996-09-24' });
    expect(statusAsOf(actions, '2000-06-30')).toMatchObject({ status: 'party', since: '2000-06-30' });
  });

  it('counts the earliest deposit where there are several depositaries', () => {
    const actions = [
      act('X', 'ratification', '1970-03-05', { depositary: 'us' }),
      act('X', 'ratification', '1970-02-27', { depositary: 'uk' }),
      act('X', 'ratification', '1970-03-10', { depositary: 'ru' }),
    ];
    expect(statusAsOf(actions, '1970-02-28')).toMatchObject({ status: 'party', since: '1970-02-27' });
    expect(statusAsOf(actions, '1970-02-26').status).toBe('none');
  });

  it('DPRK and the NPT: a party until the withdrawal takes effect, with the notice pending before', () => {
    const note = 'Withdrawal announced 10 January 2003; its validity is disputed';
    const actions = [
      act('PRK', 'accession', '1985-12-12', { depositary: 'ru' }),
      act('PRK', 'withdrawal', '2003-01-10', { depositary: 'ru', effective: '2003-04-10', note }),
    ];
    expect(statusAsOf(actions, '2002-12-31')).toMatchObject({ status: 'party', pendingWithdrawal: null });
    const pending = statusAsOf(actions, '2003-02-01');
    expect(pending.status).toBe('party');
    expect(pending.pendingWithdrawal).toEqual({ notified: '2003-01-10', effective: '2003-04-10' });
    expect(pending.notes).toContain(note);
    const after = statusAsOf(actions, '2003-04-10');
    expect(after).toMatchObject({ status: 'withdrawn', since: '2003-04-10', pendingWithdrawal: null });
    expect(after.notes).toContain(note);
  });

  it('the Russian Federation and the CTBT: a revoked ratification leaves a signatory', () => {
    const actions = [
      act('RUS', 'signature', '1996-09-24'), act('RUS', 'ratification', '2000-06-30'),
      act('RUS', 'revocation', '2023-11-02'),
    ];
    expect(statusAsOf(actions, '2023-11-01').status).toBe('party');
    expect(statusAsOf(actions, '2023-11-02')).toMatchObject({ status: 'signatory', since: '2023-11-02', signed: '1996-09-24' });
  });

  it('a revocation without a signature leaves no status', () => {
    expect(statusAsOf([act('X', 'accession', '2000-01-01'), act('X', 'revocation', '2001-01-01')], '2002-01-01').status).toBe('none');
  });

  it('the State of Palestine and the CWC: the depositary date counts, and the conflict note travels with it', () => {
    const note = 'OPCW gives 2018-05-17 as the date of entry into force for the State of Palestine';
    const actions = [act('PSE', 'accession', '2017-12-29', { note })];
    const r = statusAsOf(actions, '2018-01-31');
    expect(r).toMatchObject({ status: 'party', since: '2017-12-29' });
    expect(r.notes).toEqual([note]);
  });

  it('South Sudan: nothing before its own act, party from it', () => {
    const actions = [act('SSD', 'accession', '2023-02-23')];
    expect(statusAsOf(actions, '2011-07-14').status).toBe('none');
    expect(statusAsOf(actions, '2023-02-23').status).toBe('party');
  });

  it('signature and consent on the same day give a party; rejoining after withdrawal gives a party again', () => {
    expect(statusAsOf([act('X', 'ratification', '2000-01-01'), act('X', 'signature', '2000-01-01')], '2000-01-01').status).toBe('party');
    const rejoin = [act('X', 'admission', '1990-01-01'), act('X', 'withdrawal', '1995-01-01'), act('X', 'admission', '2000-01-01')];
    expect(statusAsOf(rejoin, '1996-01-01').status).toBe('withdrawn');
    expect(statusAsOf(rejoin, '2001-01-01')).toMatchObject({ status: 'party', since: '2000-01-01' });
  });

  it('a withdrawal with no effective date takes effect on its own date', () => {
    expect(statusAsOf([act('X', 'accession', '2000-01-01'), act('X', 'withdrawal', '2005-01-01')], '2005-01-01').status).toBe('withdrawn');
  });
});
