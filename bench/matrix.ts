/**
 * Benchmarks of the 1540 matrix on SYNTHETIC data (bench/matrixData.ts: 195 States × the full catalogue × 10
 * published editions, labelled synthetic), on a throw-away PostgreSQL 15 server (fsync on, as deployed).
 * Targets: one State's matrix read p99 < 30 ms; coverage across all States as of a date < 500 ms; bulk export
 * of all published matrices < 10 s; XLSX import of one State's matrix < 2 s.
 * Usage: npm run bench:matrix [-- --duration 10 --connections 10]
 * Writes bench/results/matrix-latest.json; bench/RESULTS.md records the numbers with the machine they came from.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import ExcelJS from 'exceljs';
import { createApp } from '../src/api/app.js';
import { openDb } from '../src/db/connection.js';
import { prepareDatabase } from '../src/server.js';
import { CLI_CONTEXT } from '../src/services/audit.js';
import { createAccount } from '../src/services/accounts.js';
import { coverageAsOf } from '../src/services/coverage.js';
import { currentEdition } from '../src/services/matrix.js';
import { startDraft } from '../src/services/matrixEdits.js';
import { findPgBin, startPostgres } from '../test/setup/postgres.js';
import { generateMatrices, SYNTHETIC } from './matrixData.js';

const ROOT = join(import.meta.dirname, '..');
const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const DURATION = arg('duration', 10);
const CONNECTIONS = arg('connections', 10);
const REPEATS = arg('repeats', 5);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const log = (s: string) => console.log(s);
const results: Record<string, unknown> = {
  date: new Date().toISOString(), node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30),
  data: SYNTHETIC,
};

const bin = findPgBin();
if (!bin) throw new Error('the matrix benchmark needs the PostgreSQL binaries (apt install postgresql)');
const pg = await startPostgres(bin, { durable: true });
const db = await openDb({ databaseUrl: pg.url });
const servers: { close(): void }[] = [];
try {
  await prepareDatabase(db, () => {});
  const edition = await currentEdition(db);
  const fieldCount = Number((await db.query<{ n: number }>('select count(*)::int as n from matrix_field where edition = $1', [edition]))[0]!.n);
  log(`catalogue ${edition}: ${fieldCount} fields; generating synthetic matrices…`);
  const gen = await generateMatrices(db, edition);
  results.generated = { ...gen, states: gen.states.length, edition, fieldCount };
  log(`generated ${gen.matrices} matrices, ${gen.entries} revisions, ${gen.snapshotRows} snapshot rows in ${gen.ms} ms`);

  const { fetch: handler } = createApp({ db, log: () => {} });
  const url = await new Promise<string>((resolve) => {
    servers.push(serve({ fetch: handler, port: 0, hostname: '127.0.0.1' }, (info) => resolve(`http://127.0.0.1:${info.port}`)));
  });

  // 1. One State's matrix (the public read: latest published matrix and the open-source layer), a different State each
  // request; with one client (the latency of a read) and with CONNECTIONS clients at once (the machine under load).
  const reads: Record<string, unknown>[] = [];
  for (const connections of [1, CONNECTIONS]) {
    let n = 0;
    await autocannon({ url: `${url}/api/v1/states/FRA/matrix`, connections, duration: 2 });
    const read = await autocannon({
      url: `${url}/api/v1/states/FRA/matrix`, connections, duration: DURATION, headers: { accept: 'application/json', 'accept-encoding': 'gzip' },
      requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, path: `/api/v1/states/${gen.states[n++ % gen.states.length]}/matrix` }) }],
    });
    reads.push({
      connections, durationS: DURATION, requests: read.requests.total, errors: read.errors + read.non2xx, throughputRps: Math.round(read.requests.average),
      p50Ms: read.latency.p50, p90Ms: read.latency.p90, p99Ms: read.latency.p99, maxMs: read.latency.max, targetP99Ms: 30, met: read.latency.p99 < 30 && read.non2xx === 0,
    });
    log(`matrix read, ${connections} client(s): p50 ${read.latency.p50} ms, p99 ${read.latency.p99} ms, ${Math.round(read.requests.average)} req/s, ${read.non2xx} non-2xx`);
  }
  results.matrixRead = reads;

  // 2. Coverage across all States as of a date (in the service, then through the API).
  const dates = ['2012-01-01', '2016-06-30', '2020-12-31'];
  const coverageMs: number[] = [];
  let counted = 0;
  for (let i = 0; i < REPEATS; i++) {
    for (const d of dates) {
      const t0 = performance.now();
      const c = await coverageAsOf(db, d);
      coverageMs.push(performance.now() - t0);
      counted = Math.max(counted, c.matricesCounted);
    }
  }
  const tApi = performance.now();
  const apiRes = await fetch(`${url}/api/v1/coverage?asOf=2020-12-31`);
  await apiRes.json();
  const apiMs = performance.now() - tApi;
  results.coverage = { dates, repeats: REPEATS, statesCounted: counted, medianMs: Math.round(median(coverageMs)), maxMs: Math.round(Math.max(...coverageMs)), apiMs: Math.round(apiMs), targetMs: 500, met: Math.max(...coverageMs) < 500 };
  log(`coverage: median ${Math.round(median(coverageMs))} ms, max ${Math.round(Math.max(...coverageMs))} ms (${counted} States); through the API ${Math.round(apiMs)} ms`);

  // 3. Bulk export of every published matrix (CSV, streamed), read to the end by curl in its own process (as a client
  // downloading it would; reading it in this process would charge the client's work to the server).
  const bulk: { ms: number; bytes: number }[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    // Asynchronously: the server runs in this process and must keep answering.
    const { stdout: out } = await promisify(execFile)('curl', ['-s', '-o', '/dev/null', '-w', '%{size_download}', `${url}/api/v1/matrices/published.csv`], { encoding: 'utf8' });
    bulk.push({ ms: performance.now() - t0, bytes: Number(out) });
  }
  const lines = (await (await fetch(`${url}/api/v1/matrices/published.csv`)).text()).split('\r\n').length - 2;
  results.bulkExport = { runs: bulk.map((b) => Math.round(b.ms)), medianMs: Math.round(median(bulk.map((b) => b.ms))), bytes: bulk[0]!.bytes, lines, client: 'curl', targetMs: 10_000, met: Math.max(...bulk.map((b) => b.ms)) < 10_000 };
  log(`bulk export: ${bulk.map((b) => Math.round(b.ms)).join(', ')} ms, ${(bulk[0]!.bytes / 2 ** 20).toFixed(1)} MiB, ${lines} rows`);

  // 4. XLSX import of one State's matrix: a draft (from its last published matrix) exported, 50 cells changed, imported.
  const expert = await createAccount(db, CLI_CONTEXT, { email: 'bench-expert@example.org', displayName: 'Benchmark expert', role: 'expert', password: 'a benchmark passphrase 42' });
  const login = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bench-expert@example.org', password: 'a benchmark passphrase 42' }) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const auth = { cookie, 'x-csrf-token': csrfToken };
  const imports: { ms: number; saved: number; unchangedMs: number }[] = [];
  for (const iso3 of gen.states.slice(0, 3)) {
    await startDraft(db, { ...CLI_CONTEXT, actor: { role: 'expert', userId: expert.id, state: null, org: null, via: 'session' } }, iso3);
    const file = Buffer.from(await (await fetch(`${url}/api/v1/states/${iso3}/matrix.xlsx`, { headers: auth })).arrayBuffer());
    const importFile = async (body: Buffer) => {
      const t0 = performance.now();
      const res = await fetch(`${url}/api/v1/states/${iso3}/matrix/import`, { method: 'POST', headers: { ...auth, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, body: new Uint8Array(body) as unknown as BodyInit });
      const json = (await res.json()) as { saved?: string[]; detail?: string };
      if (res.status !== 200) throw new Error(`import ${iso3}: ${res.status} ${json.detail}`);
      return { ms: performance.now() - t0, saved: json.saved!.length };
    };
    const unchanged = await importFile(file);
    if (unchanged.saved !== 0) throw new Error(`importing an unchanged file saved ${unchanged.saved} field(s)`);
    // Change 50 mark cells: every mark cell holding X becomes ? (evidence stays), until 50 are changed.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    let changed = 0;
    for (const ws of wb.worksheets) {
      ws.eachRow((row) => row.eachCell((cell) => {
        if (changed < 50 && cell.value === 'X' && cell.dataValidation?.type === 'list') { cell.value = '?'; changed++; }
      }));
    }
    const edited = Buffer.from(await wb.xlsx.writeBuffer());
    const r = await importFile(edited);
    imports.push({ ms: r.ms, saved: r.saved, unchangedMs: unchanged.ms });
  }
  results.xlsxImport = { runs: imports.map((x) => ({ ms: Math.round(x.ms), saved: x.saved, unchangedFileMs: Math.round(x.unchangedMs) })), maxMs: Math.round(Math.max(...imports.map((x) => x.ms))), targetMs: 2000, met: Math.max(...imports.map((x) => x.ms)) < 2000 };
  log(`XLSX import: ${imports.map((x) => `${Math.round(x.ms)} ms (${x.saved} fields saved; unchanged file ${Math.round(x.unchangedMs)} ms)`).join(', ')}`);
} finally {
  for (const s of servers) s.close();
  await db.close();
  pg.stop();
}

mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
writeFileSync(join(ROOT, 'bench', 'results', 'matrix-latest.json'), JSON.stringify(results, null, 2) + '\n');
log('raw results in bench/results/matrix-latest.json');
