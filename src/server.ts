/** Starts open1540: opens the database, migrates, loads the reference data, serves HTTP. */
import { serve } from '@hono/node-server';
import { createApp } from './api/app.js';
import { openDb, type Db } from './db/connection.js';
import { migrate } from './db/migrate.js';
import { loadReferenceData } from './db/loadReference.js';
import { readReferenceData } from './ingest/referenceFiles.js';
import { sealingDone } from './services/audit.js';
import { loadCatalogue } from './db/loadCatalogue.js';
import { readCatalogueFiles } from './ingest/matrixFiles.js';
import { settleApprovals } from './services/matrixWorkflow.js';

export interface Started { db: Db; url: string; close(): Promise<void> }

/** Brings the database up to date with this build: migrations, then the shipped reference data. */
export async function prepareDatabase(db: Db, log: (line: string) => void): Promise<void> {
  const applied = await migrate(db);
  if (applied.length) log(`migrations applied: ${applied.join(', ')}`);
  const result = await loadReferenceData(db, readReferenceData());
  if (result.changed) {
    const changes = Object.entries(result.summary).map(([k, v]) => `${k}: ${v}`).join('; ');
    log(`reference data release ${result.hash.slice(0, 12)} loaded${changes ? ` (${changes})` : ''}`);
  } else log(`reference data release ${result.hash.slice(0, 12)} already loaded; nothing changed`);
  const editions = await loadCatalogue(db, readCatalogueFiles());
  if (editions.length) log(`matrix catalogue loaded: ${editions.join(', ')}`);
}

/** Starts the server; resolves once it listens. */
export async function startServer(opts: { port?: number; host?: string; log?: (line: string) => void } = {}): Promise<Started> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const t0 = performance.now();
  const db = await openDb();
  log(`database: ${db.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${process.env.DATA_DIR ?? './var'}/db`}`);
  await prepareDatabase(db, log);
  const { fetch } = createApp({ db, log });
  const port = opts.port ?? Number(process.env.PORT ?? 1540);
  const host = opts.host ?? process.env.HOST ?? '0.0.0.0';
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch, port, hostname: host }, () => resolve(s));
    s.on('error', (e: NodeJS.ErrnoException) => reject(e.code === 'EADDRINUSE' ? new Error(`port ${port} is in use: set PORT to another port`) : e));
  });
  const address = server.address();
  const url = `http://localhost:${typeof address === 'object' && address ? address.port : port}`;
  // Matrices whose no-objection period has run out are approved without waiting for a request.
  const clock = setInterval(() => { settleApprovals(db).catch((e: Error) => log(`approval clock: ${e.message}`)); }, 5000);
  clock.unref();
  log(`open1540 ready at ${url} (${Math.round(performance.now() - t0)} ms)`);
  return {
    db, url,
    async close() {
      clearInterval(clock);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // Events written by the last requests are sealed before the database closes.
      await sealingDone(db);
      await db.close();
    },
  };
}
