/** The shipped reference data: it passes its checks, and the known hard cases come out right. */
import { describe, expect, it } from 'vitest';
import { today } from '../src/core/dates.js';
import { countParticipants, participantsAsOf } from '../src/core/participation.js';
import { checkReferenceData } from '../src/core/referenceData.js';
import { statusAsOf } from '../src/core/status.js';
import { isUnMemberAsOf } from '../src/core/membership.js';
import { readReferenceData } from '../src/ingest/referenceFiles.js';

const data = readReferenceData();
const actionsOf = (code: string, iso3?: string) => data.actions.filter((a) => a.instrument === code && (!iso3 || a.state === iso3));
const count = (code: string, asOf: string) => countParticipants(participantsAsOf(data.states, actionsOf(code), asOf));

describe('shipped reference data', () => {
  it('passes the data check', () => {
    expect(checkReferenceData(data, today()).map((p) => `${p.file} ${p.where}: ${p.message}`)).toEqual([]);
  });

  it('holds the 193 Member States, 2 observer States and Cook Islands and Niue; 192 members at the end of 2008', () => {
    expect(data.states).toHaveLength(197);
    expect(data.states.filter((s) => s.unStatus === 'member')).toHaveLength(193);
    expect(data.states.filter((s) => s.unStatus === 'observer').map((s) => s.iso3).sort()).toEqual(['PSE', 'VAT']);
    expect(data.states.filter((s) => s.unStatus === 'other').map((s) => s.iso3).sort()).toEqual(['COK', 'NIU']);
    expect(data.states.filter((s) => isUnMemberAsOf(s, '2008-12-31'))).toHaveLength(192);
    expect(data.states.find((s) => s.iso3 === 'SSD')?.admitted).toBe('2011-07-14');
  });

  it('has every instrument the foundation names', () => {
    const codes = data.instruments.map((i) => i.code);
    for (const code of ['npt', 'bwc', 'cwc', 'ctbt', 'tpnw', 'cppnm', 'cppnm-a', 'icsant', 'geneva-protocol', 'ptbt', 'tlatelolco',
      'rarotonga', 'bangkok', 'pelindaba', 'semipalatinsk', 'hcoc', 'iaea-csa', 'iaea-ap', 'nsg', 'zangger', 'australia-group', 'mtcr', 'wassenaar']) {
      expect(codes, code).toContain(code);
    }
  });

  it('DPRK and the NPT: a party until 9 April 2003, withdrawn from 10 April 2003, with the note', () => {
    const prk = actionsOf('npt', 'PRK');
    expect(statusAsOf(prk, '2003-01-01').status).toBe('party');
    expect(statusAsOf(prk, '2003-02-01').pendingWithdrawal?.effective).toBe('2003-04-10');
    const now = statusAsOf(prk, '2025-12-31');
    expect(now).toMatchObject({ status: 'withdrawn', since: '2003-04-10' });
    expect(now.notes.join(' ')).toMatch(/disputed/);
  });

  it('the Russian Federation and the CTBT: a signatory again from 2 November 2023', () => {
    const rus = actionsOf('ctbt', 'RUS');
    expect(statusAsOf(rus, '2023-11-01').status).toBe('party');
    expect(statusAsOf(rus, '2023-11-02')).toMatchObject({ status: 'signatory', since: '2023-11-02' });
  });

  it('the State of Palestine and the CWC: a party with the conflicting date noted', () => {
    const r = statusAsOf(actionsOf('cwc', 'PSE'), '2025-12-31');
    expect(r.status).toBe('party');
    expect(r.notes.join(' ')).toMatch(/2017-12-29/);
  });

  it('South Sudan: outside the NPT and the CWC, and not counted before it existed', () => {
    expect(statusAsOf(actionsOf('npt', 'SSD'), '2025-12-31').status).toBe('none');
    expect(statusAsOf(actionsOf('cwc', 'SSD'), '2025-12-31').status).toBe('none');
    expect(count('npt', '2008-12-31').unMembers.total).toBe(192);
  });

  it('headline counts agree with the depositaries', () => {
    const npt = count('npt', '2025-12-31');
    expect(npt.all.party).toBe(190); // 191 in UNODA's count, which still lists the DPRK
    expect(npt.all.withdrawn).toBe(1);
    expect(count('cwc', '2025-12-31').all.party).toBe(193);
    // 193 States Parties: 189 UN members (all but Egypt, Israel, the DPRK and South Sudan), the Holy See, Palestine, Cook Islands, Niue
    expect(count('cwc', '2025-12-31').unMembers.party).toBe(189);
    expect(count('ptbt', '2025-12-31').all.party).toBe(125);
  });
});
