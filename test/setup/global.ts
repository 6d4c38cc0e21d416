/** Vitest global setup: one PostgreSQL server for the whole run, when the binaries are there. */
import type { TestProject } from 'vitest/node';
import { findPgBin, startPostgres, type PgServer } from './postgres.js';

let server: PgServer | null = null;

export async function setup(project: TestProject): Promise<void> {
  const bin = findPgBin();
  if (!bin) {
    if (process.env.CI) throw new Error('PostgreSQL binaries not found: CI must test on PostgreSQL too (.ci/run installs them)');
    console.warn('PostgreSQL binaries not found: database tests run on PGlite only');
    project.provide('pgUrl', '');
    return;
  }
  server = await startPostgres(bin);
  project.provide('pgUrl', server.url);
}

export async function teardown(): Promise<void> {
  server?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext { pgUrl: string }
}
