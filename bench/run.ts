/**
 * Benchmarks of the foundation (issue targets: ready < 5 s on an existing data dir; participants p99 < 50 ms
 * at 50 concurrent clients on PostgreSQL). Usage: npm run bench [-- --duration 10]
 * Writes bench/results/latest.json; bench/RESULTS.md records the numbers with the machine they came from.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { findPgBin, startPostgres } from '../test/setup/postgres.js';

const ROOT = join(import.meta.dirname, '..');
const durationArg = process.argv.indexOf('--duration');
const duration = durationArg > 0 ? Number(process.argv[durationArg + 1]) : 10;

interface Running { url: string; readyMs: number; stop(): Promise<void> }

/** Starts `open1540 serve` as a user would and measures the time until it says it is ready. */
function startServe(env: Record<string, string>, port: number): Promise<Running> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [join(ROOT, 'bin/open1540.mjs'), 'serve'], { env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const onData = (b: Buffer) => {
      out += b.toString();
      if (out.includes('ready at')) {
        child.stdout.off('data', onData);
        resolve({
          url: `http://127.0.0.1:${port}`, readyMs: Math.round(performance.now() - t0),
          stop: () => new Promise((r) => { child.once('exit', () => r()); child.kill('SIGTERM'); }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (b: Buffer) => { out += b.toString(); });
    child.once('exit', (code) => reject(new Error(`serve exited (${code}) before ready:\n${out}`)));
  });
}

/** 50 concurrent clients for `duration` seconds; with `varyDate`, every request asks for another date (no cache hit). */
async function load(url: string, path: string, varyDate = false) {
  let n = 0;
  const r = await autocannon({
    url: `${url}${path}`, connections: 50, duration, headers: { accept: 'application/json', 'accept-encoding': 'gzip' },
    ...(varyDate ? { requests: [{ setupRequest: (req: autocannon.Request) => {
      n++;
      const d = new Date(Date.UTC(1970, 0, 1) + (n % 20000) * 86_400_000).toISOString().slice(0, 10);
      return { ...req, path: `${path.split('?')[0]}?asOf=${d}` };
    } }] } : {}),
  });
  return {
    path: varyDate ? `${path.split('?')[0]}?asOf=<a different date each request>` : path, connections: 50, durationS: duration, requests: r.requests.total, errors: r.errors + r.non2xx,
    throughputRps: Math.round(r.requests.average), p50Ms: r.latency.p50, p90Ms: r.latency.p90, p99Ms: r.latency.p99, maxMs: r.latency.max,
  };
}

const results: Record<string, unknown> = {
  date: new Date().toISOString(), node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30),
};
const PATH = `/api/v1/instruments/npt/participants?asOf=2008-12-31`;

// PGlite: first start on an empty data dir, then a restart on the existing one, then load.
const dataDir = mkdtempSync(join(tmpdir(), 'open1540-bench-'));
let s = await startServe({ DATA_DIR: dataDir, DATABASE_URL: '' }, 15541);
results.pgliteFirstStartMs = s.readyMs;
await s.stop();
s = await startServe({ DATA_DIR: dataDir, DATABASE_URL: '' }, 15541);
results.pgliteExistingStartMs = s.readyMs;
results.pgliteParticipants = await load(s.url, PATH);
results.pgliteParticipantsUncached = await load(s.url, PATH, true);
await s.stop();
rmSync(dataDir, { recursive: true, force: true });

const bin = findPgBin();
if (bin) {
  const pg = await startPostgres(bin);
  try {
    s = await startServe({ DATABASE_URL: pg.url }, 15542);
    results.postgresFirstStartMs = s.readyMs;
    await s.stop();
    s = await startServe({ DATABASE_URL: pg.url }, 15542);
    results.postgresExistingStartMs = s.readyMs;
    results.postgresParticipants = await load(s.url, PATH);
    results.postgresParticipantsUncached = await load(s.url, PATH, true);
    results.postgresUniversality = await load(s.url, '/api/v1/universality?asOf=2008-12-31');
    await s.stop();
  } finally { pg.stop(); }
} else results.postgres = 'skipped: no PostgreSQL binaries';

mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
writeFileSync(join(ROOT, 'bench', 'results', 'latest.json'), JSON.stringify(results, null, 2) + '\n');
console.log(JSON.stringify(results, null, 2));
