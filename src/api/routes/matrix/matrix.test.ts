import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, signedIn, type Client } from '../../../../test/helpers/accounts.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { engines } from '../../../../test/helpers/db.js';
import { buildReferenceData } from '../../../../test/helpers/factories.js';
import { settleApprovals } from '../../../services/matrixWorkflow.js';
import { verifyAuditLog } from '../../../services/audit.js';
import { parseCsv } from '../../../core/csv.js';

const LAW = { kind: 'legislation', document: 'Penal Code (test)', locator: 'art. 12', url: 'https://example.org/penal-code', language: 'en' };
const M = '/api/v1/states/AAA/matrix';

describe.each(engines())('the 1540 matrix on %s', (engine) => {
  let t: TestApp;
  let expert: Client;
  let expert2: Client;
  let member: Client;
  let member2: Client;
  let pocA: Client;
  let pocB: Client;
  let pub: Client;
  beforeAll(async () => {
    t = await createTestApp(engine, buildReferenceData());
    expert = await signedIn(t, 'expert');
    expert2 = await signedIn(t, 'expert');
    member = await signedIn(t, 'committee_member');
    member2 = await signedIn(t, 'committee_member');
    pocA = await signedIn(t, 'state_poc', { state: 'AAA' });
    pocB = await signedIn(t, 'state_poc', { state: 'BBB' });
    pub = anonymous(t);
  });
  afterAll(async () => { await t.close(); });

  const view = async (c: Client, q = '') => (await c.json('GET', `${M}${q}`)).body;
  const version = async (field: string) => ((await view(expert)).fields.find((f: { id: string }) => f.id === field)?.version ?? 0) as number;
  const matrixVersion = async () => (await view(expert)).matrix.version as number;
  const move = async (transition: string) => expert.json('POST', `${M}/transitions`, { transition, version: await matrixVersion() });

  it('serves the catalogue with every field', async () => {
    const list = await pub.json('GET', '/api/v1/catalogue');
    expect(list.body.current).toBe('test-edition');
    const ed = await pub.json('GET', '/api/v1/catalogue/test-edition');
    expect(ed.body.fields.map((f: { id: string }) => f.id)).toContain('op2.cw.manufacture.enforcement');
    expect(ed.body.fields).toHaveLength(13);
    expect((await pub.json('GET', '/api/v1/catalogue/nope')).status).toBe(404);
  });

  it('fills the OP1 treaty row of every State from the participation records, labelled open source', async () => {
    const v = await view(pub);
    expect(v.status).toBe('none');
    expect(v.fields).toEqual([]);
    const row = v.openSource.fields.find((f: { id: string }) => f.id === 'op1.nw.tst.yes');
    expect(row).toMatchObject({ mark: 'X', provenance: 'open-source' });
    expect(row.remarks).toContain('1 March 1972');
    expect(row.evidence[0]).toMatchObject({ kind: 'depositary-record', url: 'https://example.org/test' });
    expect(v.openSource.note).toMatch(/not reviewed/);
    // On a date before the ratification there is only the signature: no X.
    const early = await view(pub, '?asOf=1971-01-01');
    expect(early.openSource.fields[0].mark).toBeNull();
    expect(early.openSource.fields[0].remarks).toMatch(/not ratified/);
  });

  it('an expert starts a draft; the public, other States and the PoC before sharing do not see it', async () => {
    expect((await pub.json('POST', M)).status).toBe(401);
    expect((await pocA.json('POST', M)).status).toBe(403);
    const r = await expert.json('POST', M);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ number: 1, status: 'draft' });
    expect((await expert.json('POST', M)).status).toBe(409);
    expect((await view(pub)).matrix).toBeNull();
    expect((await view(pocA)).matrix).toBeNull();
    expect((await view(member)).matrix.status).toBe('draft');
  });

  it('refuses an X without evidence, unknown fields and invalid values, naming the field; saves nothing', async () => {
    const noEvidence = await expert.json('PATCH', `${M}/fields`, { fields: [{ field: 'op2.nw.manufacture.legal', version: 0, mark: 'X' }] });
    expect(noEvidence.status).toBe(400);
    expect(noEvidence.body.detail).toMatch(/op2\.nw\.manufacture\.legal: evidence/);
    const unknown = await expert.json('PATCH', `${M}/fields`, { fields: [{ field: 'op2.zz.nothing.legal', version: 0, mark: 'NA' }] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.detail).toMatch(/op2\.zz\.nothing\.legal/);
    const badMark = await expert.json('PATCH', `${M}/fields`, { fields: [{ field: 'op2.nw.manufacture.legal', version: 0, mark: 'Y' }] });
    expect(badMark.status).toBe(400);
    expect((await view(expert)).fields).toEqual([]);
  });

  it('saves fields with evidence as revisions and reports unchanged ones', async () => {
    const r = await expert.json('PATCH', `${M}/fields`, {
      reason: 'national report p. 4',
      fields: [{ field: 'op2.nw.manufacture.legal', version: 0, mark: 'X', evidence: [LAW], remarks: 'Criminal offence' }, { field: 'op2.bw.manufacture.legal', version: 0, mark: 'NA' }],
    });
    expect(r.status).toBe(200);
    expect(r.body.saved.sort()).toEqual(['op2.bw.manufacture.legal', 'op2.nw.manufacture.legal']);
    const again = await expert.json('PATCH', `${M}/fields`, { fields: [{ field: 'op2.nw.manufacture.legal', version: 1, mark: 'X', evidence: [LAW], remarks: 'Criminal offence' }] });
    expect(again.body).toMatchObject({ saved: [], unchanged: ['op2.nw.manufacture.legal'] });
    const f = (await view(expert)).fields.find((x: { id: string }) => x.id === 'op2.nw.manufacture.legal');
    expect(f).toMatchObject({ mark: 'X', version: 1, provenance: 'draft', remarks: 'Criminal offence' });
    expect(f.evidence[0]).toMatchObject(LAW);
  });

  it('20 concurrent writers on one field from the same version: exactly one succeeds, the others get 409 with the current value', async () => {
    const v = await version('op2.cw.manufacture.legal');
    const writers = [expert, expert2];
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => writers[i % 2]!.json('PATCH', `${M}/fields`, {
      fields: [{ field: 'op2.cw.manufacture.legal', version: v, mark: 'X', evidence: [{ ...LAW, document: `Chemicals Act, version ${i}` }] }],
    })));
    const ok = results.filter((r) => r.status === 200);
    expect(ok).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(19);
    const history = (await expert.json('GET', `${M}/history?field=op2.cw.manufacture.legal`)).body.revisions;
    expect(history).toHaveLength(1);
    const winner = history[0].evidence[0].document;
    // Each refusal names the field; those refused after the winner committed carry its value.
    for (const r of results.filter((x) => x.status === 409)) {
      expect(r.body.conflicts[0].field).toBe('op2.cw.manufacture.legal');
      if (r.body.conflicts[0].current) expect(r.body.conflicts[0].current.evidence[0].document).toBe(winner);
    }
  });

  it('accepts the open-source layer into the draft', async () => {
    const r = await expert.json('POST', `${M}/accept-open-source`, {});
    expect(r.body.saved).toEqual(['op1.nw.tst.yes']);
    const f = (await view(expert)).fields.find((x: { id: string }) => x.id === 'op1.nw.tst.yes');
    expect(f).toMatchObject({ mark: 'X', provenance: 'open-source' });
    expect((await expert.json('POST', `${M}/accept-open-source`, {})).body.saved).toEqual([]);
  });

  it('shares with the State: its PoC sees and comments; another State\'s PoC cannot', async () => {
    expect((await pocA.json('POST', `${M}/comments`, { body: 'too early' })).status).toBe(404); // a draft it cannot see
    expect((await move('share')).status).toBe(200);
    expect((await view(pocA)).matrix.status).toBe('shared');
    expect((await view(pocB)).matrix).toBeNull();
    expect((await view(pub)).matrix).toBeNull();
    const c = await pocA.json('POST', `${M}/comments`, { field: 'op2.bw.manufacture.legal', body: 'Our Biosafety Act 2019 covers this', attachmentUrl: 'https://example.org/biosafety-act' });
    expect(c.status).toBe(201);
    expect((await pocB.json('POST', `${M}/comments`, { body: 'intrusion' })).status).toBe(403);
    const list = (await expert.json('GET', `${M}/comments`)).body.comments;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ field: 'op2.bw.manufacture.legal', authorRole: 'state_poc', attachmentUrl: 'https://example.org/biosafety-act' });
    expect((await pub.json('GET', `${M}/comments`)).status).toBe(404);
  });

  it('the expert revises after the comment; a stale workflow version gets 409', async () => {
    const r = await expert.json('PATCH', `${M}/fields`, { reason: 'PoC comment', fields: [{ field: 'op2.bw.manufacture.legal', version: await version('op2.bw.manufacture.legal'), mark: 'X', evidence: [{ kind: 'official-website', document: 'Biosafety Act 2019', url: 'https://example.org/biosafety-act' }] }] });
    expect(r.status).toBe(200);
    expect((await expert.json('POST', `${M}/transitions`, { transition: 'agree', version: 1 })).status).toBe(409);
    expect((await move('agree')).status).toBe(200);
    // Agreed: frozen.
    expect((await expert.json('PATCH', `${M}/fields`, { fields: [{ field: 'op3ab.nw.account.legal', version: 0, mark: 'NA' }] })).status).toBe(409);
  });

  it('no-objection procedure: a hold stops the clock, lifting it resumes, no hold by the deadline approves', async () => {
    expect((await member.json('POST', `${M}/holds`, { kind: 'hold', reason: 'not yet' })).status).toBe(409); // not submitted
    expect((await move('submit')).status).toBe(200);
    expect((await expert.json('POST', `${M}/holds`, { kind: 'hold', reason: 'x' })).status).toBe(403);
    expect((await member.json('POST', `${M}/holds`, { kind: 'hold' })).status).toBe(400);
    const held = await member.json('POST', `${M}/holds`, { kind: 'hold', reason: 'Need to check the Biosafety Act' });
    expect(held.body.state).toBe('held');
    await member2.json('POST', `${M}/holds`, { kind: 'hold', reason: 'Second look' });
    // Far past the deadline, but held: not approved.
    const later = new Date(Date.now() + 30 * 86_400_000).toISOString();
    expect(await settleApprovals(t.db, later)).toBe(0);
    expect((await member.json('POST', `${M}/holds`, { kind: 'lift' })).body.state).toBe('held');
    expect((await member.json('POST', `${M}/holds`, { kind: 'lift' })).status).toBe(409);
    const resumed = await member2.json('POST', `${M}/holds`, { kind: 'lift' });
    expect(resumed.body.state).toBe('running');
    expect(resumed.body.remainingMs).toBeGreaterThan(0);
    expect(await settleApprovals(t.db, new Date(Date.parse(resumed.body.deadline) - 1000).toISOString())).toBe(0);
    expect(await settleApprovals(t.db, later)).toBe(1);
    const v = await view(expert);
    expect(v.matrix.status).toBe('approved');
    expect(v.matrix.approvedAt).toBe(resumed.body.deadline);
  });

  it('publishes an immutable snapshot the public sees, with its header and committee-approved provenance', async () => {
    await expert.json('POST', '/api/v1/states/AAA/submissions', { kind: 'first-report', date: '2004-10-28', symbol: 'S/AC.44/2004/(02)/99', language: 'en', url: 'https://example.org/report' });
    await pocA.json('POST', '/api/v1/states/AAA/submissions', { kind: 'additional-information', date: '2008-03-01' });
    expect((await pocB.json('POST', '/api/v1/states/AAA/submissions', { kind: 'additional-information', date: '2008-03-01' })).status).toBe(403);
    expect((await expert.json('POST', '/api/v1/states/AAA/submissions', { kind: 'first-report', date: '2999-01-01' })).status).toBe(400);
    expect((await move('publish')).status).toBe(200);
    const v = await view(pub);
    expect(v.status).toBe('published');
    expect(v.header.firstReport).toMatchObject({ date: '2004-10-28', symbol: 'S/AC.44/2004/(02)/99' });
    expect(v.header.additional.map((s: { date: string }) => s.date)).toEqual(['2008-03-01']);
    expect(v.header.approvedAt).toBe(v.matrix.approvedAt);
    const marks = Object.fromEntries(v.fields.map((f: { id: string; mark: string; provenance: string }) => [f.id, [f.mark, f.provenance]]));
    expect(marks['op2.nw.manufacture.legal']).toEqual(['X', 'committee-approved']);
    expect(marks['op2.bw.manufacture.legal']).toEqual(['X', 'committee-approved']);
    expect((await expert.json('PATCH', `${M}/fields`, { fields: [{ field: 'op3ab.nw.account.legal', version: 0, mark: 'NA' }] })).status).toBe(404);
    // Before publication the public saw nothing.
    expect((await view(pub, '?asOf=2000-01-01')).matrix).toBeNull();
  });

  it('a new cycle starts from the published values; the diff shows what changed, in the API', async () => {
    // The published header is frozen: a later submission shows in the next draft only.
    await expert.json('POST', '/api/v1/states/AAA/submissions', { kind: 'additional-information', date: '2012-05-01' });
    expect((await view(pub)).header.additional.map((x: { date: string }) => x.date)).toEqual(['2008-03-01']);
    expect((await expert.json('POST', M)).body).toMatchObject({ number: 2, status: 'draft' });
    expect((await view(expert)).header.additional.map((x: { date: string }) => x.date)).toEqual(['2008-03-01', '2012-05-01']);
    const v2 = await view(expert);
    expect(v2.fields.find((f: { id: string }) => f.id === 'op2.nw.manufacture.legal')).toMatchObject({ mark: 'X', provenance: 'committee-approved', version: 1 });
    await expert.json('PATCH', `${M}/fields`, { fields: [
      { field: 'op2.nw.manufacture.legal', version: 1, mark: '?', evidence: [LAW, { kind: 'national-report', document: 'Second report', locator: 'p. 9' }] },
      { field: 'op2.bw.manufacture.legal', version: 1, mark: null, evidence: [], remarks: null },
    ] });
    const d = (await expert.json('GET', `${M}/diff?from=1&to=current`)).body;
    const byField = Object.fromEntries(d.changes.map((c: { field: string }) => [c.field, c]));
    expect(byField['op2.nw.manufacture.legal']).toMatchObject({ change: 'changed', markChanged: true });
    expect(byField['op2.nw.manufacture.legal'].evidenceAdded[0].document).toBe('Second report');
    expect(byField['op2.bw.manufacture.legal'].change).toBe('removed');
    // The public may diff only what it sees: the draft is not "current" for it.
    expect((await pub.json('GET', `${M}/diff?from=1&to=current`)).body.changes).toEqual([]);
    expect((await pub.json('GET', `${M}/diff?from=2&to=current`)).status).toBe(404);
    expect((await pub.json('GET', `${M}/diff?from=yesterday`)).status).toBe(400);
  });

  it('reconstructs a past state of the draft (asOf)', async () => {
    const h = (await expert.json('GET', `${M}/history?edition=1&field=op2.nw.manufacture.legal`)).body.revisions;
    expect(h.length).toBeGreaterThanOrEqual(1);
    const first = h[0].at;
    const then = await view(expert, `?edition=1&asOf=${encodeURIComponent(first)}`);
    expect(then.fields.find((f: { id: string }) => f.id === 'op2.nw.manufacture.legal').mark).toBe('X');
  });

  it('coverage counts fields marked X in published matrices, by group; never a ranking', async () => {
    const c = (await pub.json('GET', '/api/v1/coverage')).body;
    expect(c.matricesCounted).toBe(1);
    expect(c.states[0]).toMatchObject({ iso3: 'AAA' });
    // X: op1 tst, op2 nw legal, op2 cw legal, op2 bw legal.
    expect(c.states[0].total).toBe(4);
    expect(c.byGroup.find((g: { group: string }) => g.group === 'weog')).toMatchObject({ states: 1, mean: 4, median: 4 });
    expect((await pub.json('GET', '/api/v1/coverage?asOf=2001-01-01')).body.matricesCounted).toBe(0);
    expect((await pub.json('GET', '/api/v1/coverage?group=african')).body.states).toEqual([]);
    expect((await pub.json('GET', '/api/v1/coverage?region=150')).body.states).toHaveLength(1);
  });

  it('exports all published matrices in bulk, one row per State × field', async () => {
    const res = await pub.request('GET', '/api/v1/matrices/published.csv');
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const [head, ...rows] = parseCsv(await res.text());
    expect(head!.slice(0, 2)).toEqual(['ISO3', 'Matrix number']);
    expect(rows).toHaveLength(4); // the published snapshot's fields with a value (op1 tst; op2 nw, cw, bw manufacture)
    const row = rows.find((r) => r[5] === 'op2.nw.manufacture.legal')!;
    expect(row.slice(0, 2)).toEqual(['AAA', '1']);
    expect(row[12]).toBe('X');
    expect(row[13]).toContain('Penal Code (test)');
    const jsonl = (await (await pub.request('GET', '/api/v1/matrices/published.jsonl')).text()).trim().split('\n').map((l) => JSON.parse(l));
    expect(jsonl).toHaveLength(4);
    expect(jsonl.find((r) => r.field === 'op2.nw.manufacture.legal')).toMatchObject({ state: 'AAA', mark: 'X', provenance: 'committee-approved' });
  });

  it('every write is in the audit log, whose chain holds', async () => {
    const v = await verifyAuditLog(t.db);
    expect(v.ok).toBe(true);
    const actions = (await t.db.query<{ action: string }>("select distinct action from audit_event where entity_type = 'matrix'")).map((r) => r.action).sort();
    expect(actions).toEqual(expect.arrayContaining(['matrix.accept-open-source', 'matrix.approve', 'matrix.comment', 'matrix.create', 'matrix.edit', 'matrix.hold', 'matrix.lift', 'matrix.publish', 'matrix.share', 'matrix.submit']));
  });

  it('revisions and snapshots cannot be changed or deleted, even by SQL', async () => {
    await expect(t.db.query("update matrix_entry set mark = 'NA'")).rejects.toThrow(/append-only/);
    await expect(t.db.query('delete from matrix_snapshot')).rejects.toThrow(/append-only/);
  });
});
