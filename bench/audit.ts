/**
 * The cost of the audit chain on write throughput (issue target: writes with the audit event less than 20 %
 * slower than the same writes without it, on PostgreSQL).
 * Usage: npm run bench:audit [-- --writes 2000 --fsync 0|1 (default 1, PostgreSQL's default, as deployed)]
 *
 * The same writes are measured twice: contact updates, each committed on its own as the application makes
 * them, (a) without an audit event and (b) with the event `editContact` records (same before/after), inserted
 * by the same statement as the update, followed by the `sealSoon` the API calls after a write, which chains
 * events off the write path. C concurrent writers (C = 1 and 8) each update their own
 * contact, tracking its version, so there is no version conflict. After a warm-up, every measurement is
 * repeated; each repetition interleaves the two modes in blocks of WRITES/10, and the median writes/s of the
 * repetitions is kept; p50/p99 are per write, pooled over the repetitions. PostgreSQL 15 (throw-away server,
 * test/setup/postgres.ts) is the target; PGlite (in memory, C = 1) is reported for information. The chain
 * is verified at the end.
 * Writes bench/results/audit-latest.json; bench/RESULTS.md records the numbers with the machine they came from.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../src/db/connection.js';
import { openDb } from '../src/db/connection.js';
import { getContact, insertContact, updateContact, updateContactWithEvent, type Contact, type ContactFields } from '../src/db/repositories/contacts.js';
import { serve } from '@hono/node-server';
import { createApp } from '../src/api/app.js';
import { prepareDatabase } from '../src/server.js';
import { createAccount, createToken } from '../src/services/accounts.js';
import * as auditService from '../src/services/audit.js';
import { CLI_CONTEXT, eventFields, verifyAuditLog, type WriteContext } from '../src/services/audit.js';
import { editContact } from '../src/services/contacts.js';
import { findPgBin, startPostgres } from '../test/setup/postgres.js';

const ROOT = join(import.meta.dirname, '..');
const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const WRITES = arg('writes', 2000);
const WARMUP = arg('warmup', 400);
const PREWARM = arg('prewarm', 2000);
const REPEATS = arg('repeats', 3);
/** fsync on (PostgreSQL's default, as deployed) unless `--fsync 0`. */
const DURABLE = arg('fsync', 1) !== 0;
const CHUNKS = 10;
const POSTGRES_CONCURRENCY = [1, 8];
const PGLITE_CONCURRENCY = [1];

/** An administrator editing through the API: what the web layer passes to the services. */
const ctx = (n: number): WriteContext => ({
  actor: { role: 'admin', userId: 1, state: null, org: null, via: 'session' },
  requestId: `bench-${n.toString(36).padStart(8, '0')}`, client: '127.0.0.1',
});

const STATES = ['AUT', 'BRA', 'CAN', 'DEU', 'FRA', 'JPN', 'KEN', 'NZL'];

/**
 * Two designs of the chain are handled. Locked append: recordEvent takes an advisory lock, reads the previous
 * hash and inserts the sealed event, all in the writing transaction. Deferred sealing: recordEvent inserts the
 * event unsealed and the application calls sealSoon(db) after the write, a single sealer chaining committed
 * events off the request path. With the latter, each audited write here calls sealSoon as the API does; the
 * sealer works while the block runs (its cost slows the block), the clock stops when the last write commits,
 * and the wait until the rest is sealed is reported apart, as the sealing lag.
 */
const sealing = auditService as unknown as { sealSoon?: (db: Db) => void; sealingDone?: (db: Db) => Promise<void> };
const SEALER = typeof sealing.sealSoon === 'function' && typeof sealing.sealingDone === 'function';
const DESIGN = SEALER ? 'deferred sealing (sealSoon after each write)' : 'locked append (lock, previous hash, insert in the write transaction)';

interface Writer { current: Contact }
/**
 * without / with: the comparison of the issue (the update alone, then the update and its event).
 * appWithout / appWith: the same, shaped as the application writes (editContact reads the record first, for
 * its permission checks and the `before`): a transaction with getContact + updateContact, and editContact itself.
 */
type Mode = 'without' | 'with' | 'appWithout' | 'appWith' | 'apiWithout' | 'apiWith';
const AUDITED: Mode[] = ['with', 'appWith', 'apiWith'];

/**
 * The API shape: PUT /api/v1/contacts/{id} over HTTP with an API token, as a client writes, to two servers on
 * the same database: the application as it is, and the same application whose database handle strips the event
 * from the update statement (`withoutEvents`), so that it makes exactly the same writes without the audit chain.
 */
const api = { with: '', without: '', auth: '' };
const EVENT_CTE = /^with w as \(([\s\S]*)\),\s*ev as \(insert into audit_event [\s\S]*\)\s*select \* from w$/;
function withoutEvents(db: Db): Db {
  const strip = (inner: Db): Db => ({
    ...inner,
    query<T>(sql: string, params?: unknown[]) {
      const m = EVENT_CTE.exec(sql.trim());
      return m ? inner.query<T>(m[1]!, params!.slice(0, -12)) : inner.query<T>(sql, params);
    },
    transaction: (fn) => inner.transaction((tx) => fn(strip(tx))),
  });
  return strip(db);
}
async function apiWrite(base: string, before: Contact, f: ContactFields): Promise<Contact> {
  const r = await fetch(`${base}/api/v1/contacts/${before.id}`, {
    method: 'PUT', headers: { authorization: api.auth, 'content-type': 'application/json' }, body: JSON.stringify({ ...f, version: before.version }),
  });
  if (r.status !== 200) throw new Error(`PUT contact ${before.id}: ${r.status} ${await r.text()}`);
  return (await r.json()) as Contact;
}
let writeNo = 0;
let auditedWrites = 0;

const fieldsFor = (c: Contact, n: number): ContactFields => ({
  name: `Point of contact ${c.state} (rev. ${n})`, title: n % 2 ? 'Ambassador' : 'Counsellor',
  organisation: `Ministry of Foreign Affairs of ${c.state}, Disarmament and Non-Proliferation Division`,
  email: `poc${n % 97}@mfa.example.${c.state.toLowerCase()}`, phone: `+41 22 917 ${String(n % 10000).padStart(4, '0')}`, published: n % 3 !== 0,
});

/** One write, in its own transaction; returns its duration in ms. */
async function write(db: Db, w: Writer, mode: Mode): Promise<number> {
  const n = ++writeNo;
  const f = fieldsFor(w.current, n);
  const t0 = performance.now();
  let after: Contact | null;
  const before = w.current; // what getContact would return: only this writer changes this contact
  if (mode === 'apiWith' || mode === 'apiWithout') after = await apiWrite(mode === 'apiWith' ? api.with : api.without, before, f);
  else if (mode === 'appWith') after = await editContact(db, ctx(n), before.id, before.version, f);
  else if (mode === 'with') {
    // Exactly the statement and the event src/services/contacts.ts editContact writes.
    const at = new Date().toISOString();
    const expected = { ...before, ...f, version: before.version + 1, updatedAt: at };
    after = await updateContactWithEvent(db, before.id, before.version, f, at,
      eventFields(ctx(n), { action: 'contact.update', entityType: 'contact', entityId: before.id, state: before.state, visibility: before.published || f.published ? 'public' : 'restricted', before, after: expected }));
  } else {
    if (mode === 'appWithout' && !(await getContact(db, before.id))) throw new Error(`no contact ${before.id}`);
    after = await updateContact(db, before.id, before.version, f);
  }
  if (!after) throw new Error(`version conflict on contact ${before.id}: the writers should never collide`);
  const ms = performance.now() - t0;
  w.current = after;
  // The API server calls sealSoon itself after each write.
  if (AUDITED.includes(mode)) { auditedWrites++; if (SEALER && mode !== 'apiWith') sealing.sealSoon!(db); }
  return ms;
}

/** `total` writes shared by the writers, each writer running its writes one after the other. */
async function run(db: Db, writers: Writer[], mode: Mode, total: number) {
  const per = Math.ceil(total / writers.length);
  const lat: number[] = [];
  const t0 = performance.now();
  await Promise.all(writers.map(async (w) => { for (let i = 0; i < per; i++) lat.push(await write(db, w, mode)); }));
  const t1 = performance.now();
  // Deferred sealing: the sealer works during the run (its cost is in the run's time); what is still unsealed
  // when the last write commits is waited for outside the clock, as a steady stream of writes would not wait
  // for it, and that wait is reported as the sealing lag.
  if (SEALER) await sealing.sealingDone!(db);
  const sealLagMs = performance.now() - t1;
  const s = (t1 - t0) / 1000;
  return { writes: per * writers.length, seconds: s, wps: (per * writers.length) / s, lat, sealLagMs };
}

/** Where a write's time goes: each statement of the transaction timed (a separate run; the timing costs a little). */
const SEAL_STEP = 'sealing, off the write path (whole run, per write)';
const STEP = (sql: string) =>
  /pg_try_advisory_xact_lock|chain_pos is not null|where hash is null|update audit_event/.test(sql) ? SEAL_STEP
  : /pg_advisory_xact_lock/.test(sql) ? 'advisory lock (wait + acquire)'
    : /from audit_event order by seq desc/.test(sql) ? 'read previous hash'
      : /^\s*with w as \(update contact/.test(sql) ? 'update contact + its event (one statement)'
      : /insert into audit_event/.test(sql) ? 'insert event'
        : /^\s*update contact/.test(sql) ? 'update contact'
          : /from contact where id/.test(sql) ? 'read contact' : 'other statement';
function timed(db: Db, acc: Map<string, number>): Db {
  const add = (k: string, ms: number) => acc.set(k, (acc.get(k) ?? 0) + ms);
  const wrapTx = (tx: Db): Db => ({
    ...tx,
    async query<T>(sql: string, params?: unknown[]): Promise<T[]> {
      const t = performance.now();
      try { return await tx.query<T>(sql, params); } finally { add(STEP(sql), performance.now() - t); }
    },
    transaction: (fn) => tx.transaction((t) => fn(wrapTx(t))),
  });
  return wrapTx(db);
}
async function breakdown(db: Db, writers: Writer[], mode: Mode, total: number) {
  const acc = new Map<string, number>();
  const x = await run(timed(db, acc), writers, mode, total);
  const sumLat = x.lat.reduce((a, b) => a + b, 0);
  const perWrite: Record<string, number> = {};
  let inStatements = 0;
  for (const [k, v] of acc) { perWrite[k] = r2(v / x.writes); if (k !== SEAL_STEP) inStatements += v; }
  perWrite['begin, commit, pool, JS (hash, JSON)'] = r2((sumLat - inStatements) / x.writes);
  return { concurrency: writers.length, mode, writes: x.writes, wps: Math.round(x.wps), meanMsPerWrite: r2(sumLat / x.writes), perWriteMs: perWrite };
}

/** CPU time stolen by the hypervisor (and idle), from /proc/stat: on a shared VM, steal makes runs noisy. */
function cpuTimes() {
  if (!existsSync('/proc/stat')) return null;
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  return { idle: f[3]!, steal: f[7] ?? 0, total: f.reduce((a, b) => a + b, 0) };
}
const cpuSince = (t0: ReturnType<typeof cpuTimes>) => {
  const t1 = cpuTimes();
  if (!t0 || !t1 || t1.total === t0.total) return null;
  return { stealPct: r1((100 * (t1.steal - t0.steal)) / (t1.total - t0.total)), idlePct: r1((100 * (t1.idle - t0.idle)) / (t1.total - t0.total)) };
};

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]!; };
const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!; };
const r1 = (x: number) => Math.round(x * 10) / 10;
const r2 = (x: number) => Math.round(x * 100) / 100;

/** The two comparisons: the issue's (update alone vs update + event) and the application's shape. */
const SHAPES = {
  update: { without: 'without', with: 'with', doc: 'the update statement vs the same update with its event in the same statement (updateContactWithEvent)' },
  editContact: { without: 'appWithout', with: 'appWith', doc: 'getContact + the update vs editContact (getContact + the update with its event)' },
  api: { without: 'apiWithout', with: 'apiWith', doc: 'PUT /api/v1/contacts/{id} over HTTP with an API token: the application without the event in its update statement vs as it is' },
} as const satisfies Record<string, { without: Mode; with: Mode; doc: string }>;
type Shape = keyof typeof SHAPES;

interface Side { runsWps: number[]; medianWps: number; p50Ms: number; p99Ms: number; sealLagMs?: { median: number; max: number } }
interface Row {
  engine: 'postgres' | 'pglite'; shape: Shape; concurrency: number; writesPerRun: number; repeats: number;
  without: Side; with: Side;
  /** Extra time per write: median without / median with − 1 (the target: < 20 %). */
  overheadPct: number;
  /** Throughput lost: 1 − median with / median without. */
  throughputLossPct: number;
  /** Over the measured runs: CPU stolen by the hypervisor and CPU idle, in % of the machine. */
  cpu: { stealPct: number; idlePct: number } | null;
}

async function setUp(db: Db): Promise<Writer[]> {
  await prepareDatabase(db, () => {});
  // Settle the database after the reference-data load, so that autovacuum does not pick it up mid-measurement.
  if (db.kind === 'postgres') { await db.exec('vacuum analyze'); await db.exec('checkpoint'); }
  const writers: Writer[] = [];
  for (const st of STATES) {
    writers.push({ current: await db.transaction((tx) => insertContact(tx, st, { name: `Point of contact ${st}`, title: null, organisation: null, email: null, phone: null, published: true })) });
  }
  // A first warm-up of every path (V8 tiering, plans, the tables after the reference-data load); without it,
  // the first measurement came out up to 40 % lower than the same measurement repeated later.
  const ws = db.kind === 'postgres' ? writers : writers.slice(0, 1);
  if (db.kind === 'postgres') await startApiServers(db);
  for (const m of ['without', 'with', 'appWithout', 'appWith', ...(db.kind === 'postgres' ? ['apiWithout', 'apiWith'] as const : [])] as const) await run(db, ws, m, PREWARM / 4);
  return writers;
}

const servers: { close(): void }[] = [];
async function startApiServers(db: Db) {
  const admin = await createAccount(db, CLI_CONTEXT, { email: 'bench-admin@example.org', displayName: 'Benchmark administrator', role: 'admin', state: null, org: null, password: 'a benchmark passphrase 42' });
  const { token } = await createToken(db, CLI_CONTEXT, admin.id, 'benchmark', 'read-write');
  api.auth = `Bearer ${token}`;
  auditedWrites += 2; // the account and the token are audited too
  for (const [k, handle] of [['with', db], ['without', withoutEvents(db)]] as const) {
    const { fetch: handler } = createApp({ db: handle, log: () => {} });
    api[k] = await new Promise<string>((resolve) => {
      const s = serve({ fetch: handler, port: 0, hostname: '127.0.0.1' }, (info) => resolve(`http://127.0.0.1:${info.port}`));
      servers.push(s);
    });
  }
}

async function measure(db: Db, writers: Writer[], engine: Row['engine'], shape: Shape, c: number, log: (s: string) => void): Promise<Row> {
  const ws = writers.slice(0, c);
  const { without: mw, with: ma } = SHAPES[shape];
  // Warm-up: connections, plans, caches, JIT of both paths.
  await run(db, ws, mw, WARMUP);
  await run(db, ws, ma, WARMUP);
  const res = new Map<Mode, { wps: number[]; lat: number[] }>([[mw, { wps: [], lat: [] }], [ma, { wps: [], lat: [] }]]);
  const cpu0 = cpuTimes();
  const lags: number[] = [];
  for (let r = 0; r < REPEATS; r++) {
    // The WRITES of each mode are made in CHUNKS blocks, alternating modes block by block (ABBA…), so that a
    // drift or a burst of noise on the machine (autovacuum, checkpoints, other load) falls on both alike.
    const acc = new Map<Mode, { writes: number; s: number }>([[mw, { writes: 0, s: 0 }], [ma, { writes: 0, s: 0 }]]);
    for (let k = 0; k < CHUNKS; k++) {
      for (const m of k % 2 ? [ma, mw] : [mw, ma]) {
        const x = await run(db, ws, m, WRITES / CHUNKS);
        acc.get(m)!.writes += x.writes;
        acc.get(m)!.s += x.seconds;
        res.get(m)!.lat.push(...x.lat);
        if (m === ma && SEALER) lags.push(x.sealLagMs);
      }
    }
    for (const m of [mw, ma]) res.get(m)!.wps.push(acc.get(m)!.writes / acc.get(m)!.s);
    log(`  ${engine} ${shape} C=${c} run ${r + 1}: ${Math.round(res.get(mw)!.wps[r]!)} writes/s without audit, ${Math.round(res.get(ma)!.wps[r]!)} with`);
  }
  const side = (m: Mode): Side => {
    const { wps, lat } = res.get(m)!;
    return { runsWps: wps.map(Math.round), medianWps: Math.round(median(wps)), p50Ms: r2(pct(lat, 50)), p99Ms: r2(pct(lat, 99)) };
  };
  const cpu = cpuSince(cpu0);
  const w0 = median(res.get(mw)!.wps);
  const w1 = median(res.get(ma)!.wps);
  return { engine, shape, concurrency: c, writesPerRun: WRITES, repeats: REPEATS, without: side(mw), with: { ...side(ma), ...(lags.length ? { sealLagMs: { median: r1(median(lags)), max: r1(Math.max(...lags)) } } : {}) }, overheadPct: r1((w0 / w1 - 1) * 100), throughputLossPct: r1((1 - w1 / w0) * 100), cpu };
}

async function chain(db: Db, expected: number) {
  const t0 = performance.now();
  const v = await verifyAuditLog(db);
  const ms = Math.round(performance.now() - t0);
  const count = Number((await db.query<{ n: number }>('select count(*)::int as n from audit_event'))[0]!.n);
  return { ...v, events: count, auditedWrites: expected, verifyMs: ms };
}

const log = (s: string) => console.log(s);
const results: Record<string, unknown> = {
  date: new Date().toISOString(), node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30),
  auditDesign: DESIGN, writesPerRun: WRITES, prewarmWrites: PREWARM, warmupWritesPerMeasurement: WARMUP, repeats: REPEATS,
};
const rows: Row[] = [];
const breakdowns: Awaited<ReturnType<typeof breakdown>>[] = [];
const T0 = performance.now();
log(`audit chain design under test: ${DESIGN}`);

const bin = findPgBin();
if (bin) {
  const pg = await startPostgres(bin, { durable: DURABLE });
  try {
    const db = await openDb({ databaseUrl: pg.url });
    try {
      results.postgresVersion = (await db.query<{ v: string }>('select version() as v'))[0]!.v;
      results.postgresSettings = Object.fromEntries((await db.query<{ name: string; setting: string }>(
        `select name, setting from pg_settings where name in ('fsync', 'synchronous_commit', 'shared_buffers', 'max_connections')`)).map((r) => [r.name, r.setting]));
      log(`PostgreSQL: ${results.postgresVersion}`);
      auditedWrites = 0;
      const writers = await setUp(db);
      for (const c of POSTGRES_CONCURRENCY) {
        for (const shape of Object.keys(SHAPES) as Shape[]) rows.push(await measure(db, writers, 'postgres', shape, c, log));
        for (const m of ['without', 'with'] as const) breakdowns.push(await breakdown(db, writers.slice(0, c), m, Math.min(WRITES, 1000)));
      }
      results.postgresChain = await chain(db, auditedWrites);
      log(`  chain: ${JSON.stringify(results.postgresChain)}`);
    } finally { for (const s of servers) s.close(); await db.close(); }
  } finally { pg.stop(); }
} else results.postgres = 'skipped: no PostgreSQL binaries';

{
  const db = await openDb({ dataDir: 'memory://' });
  try {
    auditedWrites = 0;
    const writers = await setUp(db);
    for (const c of PGLITE_CONCURRENCY) rows.push(await measure(db, writers, 'pglite', 'update', c, log));
    results.pgliteChain = await chain(db, auditedWrites);
    log(`  chain: ${JSON.stringify(results.pgliteChain)}`);
  } finally { await db.close(); }
}

results.shapes = Object.fromEntries(Object.entries(SHAPES).map(([k, v]) => [k, v.doc]));
results.rows = rows;
results.postgresBreakdownMsPerWrite = breakdowns;
const pgRows = rows.filter((r) => r.engine === 'postgres');
results.target = { overheadPctBelow: 20, metOnPostgres: Object.fromEntries(pgRows.map((r) => [`${r.shape} C=${r.concurrency}`, r.overheadPct < 20])) };
results.totalSeconds = Math.round((performance.now() - T0) / 1000);

mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
writeFileSync(join(ROOT, 'bench', 'results', 'audit-latest.json'), JSON.stringify(results, null, 2) + '\n');

const fmt = (n: number) => n.toLocaleString('en-US');
console.log('\n| engine | writes | C | writes/s without audit | writes/s with audit | overhead (time/write) | throughput lost | p50 / p99 without (ms) | p50 / p99 with (ms) | < 20 % | CPU steal |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.engine === 'postgres' ? 'PostgreSQL 15' : 'PGlite'} | ${r.shape} | ${r.concurrency} | ${fmt(r.without.medianWps)} | ${fmt(r.with.medianWps)} | +${r.overheadPct} % | ${r.throughputLossPct} % | ${r.without.p50Ms} / ${r.without.p99Ms} | ${r.with.p50Ms} / ${r.with.p99Ms} | ${r.overheadPct < 20 ? 'yes' : 'no'}${r.engine === 'pglite' ? ' (info)' : ''} | ${r.cpu ? `${r.cpu.stealPct} %` : '—'} |`);
}
for (const r of rows) if (r.with.sealLagMs) console.log(`${r.engine} ${r.shape} C=${r.concurrency}: events still unsealed when the last write of a block committed were sealed within ${r.with.sealLagMs.median} ms (median; max ${r.with.sealLagMs.max} ms)`);
console.log('\nPostgreSQL, where a write\'s time goes (ms per write, statements timed one by one):');
for (const b of breakdowns) console.log(`  C=${b.concurrency} ${b.mode.padEnd(7)} audit (${b.wps} writes/s, ${b.meanMsPerWrite} ms/write): ${Object.entries(b.perWriteMs).map(([k, v]) => `${k} ${v}`).join('; ')}`);
for (const [k, v] of [['PostgreSQL', results.postgresChain], ['PGlite', results.pgliteChain]] as const) {
  if (!v) continue;
  const c = v as Awaited<ReturnType<typeof chain>> & { unsealed?: number };
  console.log(c.ok ? `${k}: the audit chain holds with ${c.checked} events (${c.events} in the table, ${c.auditedWrites} audited writes${c.unsealed ? `, ${c.unsealed} unsealed` : ''}; verified in ${c.verifyMs} ms)`
    : `${k}: THE AUDIT CHAIN IS BROKEN at seq ${c.seq}: ${c.reason}`);
  if (c.ok && (c.checked !== c.auditedWrites || c.events !== c.auditedWrites)) console.log(`${k}: ODD: ${c.auditedWrites} audited writes but ${c.events} events in the table, ${c.checked} checked`);
}
console.log(`total ${results.totalSeconds} s; raw results in bench/results/audit-latest.json`);
if ([results.postgresChain, results.pgliteChain].some((c) => c && (!(c as { ok: boolean }).ok || (c as { checked: number; auditedWrites: number }).checked !== (c as { auditedWrites: number }).auditedWrites))) process.exitCode = 1;
