import { mkdtempSync, rmSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { engines } from '../../test/helpers/db.js';
import { main } from './main.js';

function capture() {
  const out: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a) => { out.push(a.join(' ')); });
  vi.spyOn(console, 'error').mockImplementation((...a) => { out.push(a.join(' ')); });
  return out;
}

/** Runs the CLI with `input` as standard input. */
async function run(args: string[], input?: string): Promise<{ code: number; out: string }> {
  const out = capture();
  const stdin = Readable.from(input === undefined ? [] : [input]) as unknown as typeof process.stdin;
  const real = Object.getOwnPropertyDescriptor(process, 'stdin')!;
  Object.defineProperty(process, 'stdin', { value: Object.assign(stdin, { isTTY: input === undefined ? true : undefined }), configurable: true });
  try {
    return { code: await main(args), out: out.join('\n') };
  } finally {
    Object.defineProperty(process, 'stdin', real);
    vi.restoreAllMocks();
  }
}

describe.each(engines())('account commands on %s', (engine) => {
  let dir = '';
  let dbName = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'open1540-cli-'));
    if (engine === 'postgres') {
      dbName = `cli_${process.pid}_${Date.now()}`;
      const c = new pg.Client({ connectionString: inject('pgUrl') });
      await c.connect(); await c.query(`create database ${dbName}`); await c.end();
      process.env.DATABASE_URL = inject('pgUrl').replace(/\/postgres$/, `/${dbName}`);
    } else {
      process.env.DATA_DIR = dir;
      delete process.env.DATABASE_URL;
    }
  });
  afterAll(async () => {
    delete process.env.DATABASE_URL;
    rmSync(dir, { recursive: true, force: true });
    if (dbName) { const c = new pg.Client({ connectionString: inject('pgUrl') }); await c.connect(); await c.query(`drop database if exists ${dbName} with (force)`); await c.end(); }
  });
  afterEach(() => vi.restoreAllMocks());

  it('creates the first admin with a generated password, a PoC with a password from standard input, and lists them', async () => {
    const admin = await run(['users', 'add', '--email', 'Root@Example.org', '--role', 'admin']);
    expect(admin.code).toBe(0);
    expect(admin.out).toMatch(/created account \d+: root@example\.org \(admin\)/);
    expect(admin.out).toMatch(/password \(shown once\): \S{20,}/);
    const poc = await run(['users', 'add', '--email', 'poc@example.org', '--role', 'state_poc', '--state', 'FRA'], 'a sound passphrase 42\n');
    expect(poc.out).toMatch(/\(state_poc, FRA\)/);
    expect(poc.out).not.toMatch(/shown once/);
    const weak = await run(['users', 'add', '--email', 'weak@example.org', '--role', 'expert'], 'short\n');
    expect(weak.code).toBe(1);
    expect(weak.out).toMatch(/at least 12 characters/);
    const list = await run(['users', 'list']);
    expect(list.out).toMatch(/root@example\.org\tadmin\t\tactive/);
    expect(list.out).toMatch(/poc@example\.org\tstate_poc\tFRA\tactive/);
  });

  it('disables, resets passwords and revokes tokens; every change is in the audit log, which verifies', async () => {
    expect((await run(['users', 'disable', '--email', 'poc@example.org'])).out).toMatch(/poc@example\.org: disabled/);
    expect((await run(['users', 'reset-password', '--email', 'poc@example.org'])).out).toMatch(/new password \(shown once\)/);
    expect((await run(['tokens', 'revoke', '--email', 'poc@example.org'])).out).toMatch(/0 token\(s\) of poc@example\.org revoked/);
    expect((await run(['users', 'disable', '--email', 'nobody@example.org'])).code).toBe(1);
    const verify = await run(['audit', 'verify']);
    expect(verify.code).toBe(0);
    expect(verify.out).toMatch(/audit chain holds: 4 event\(s\)/);
  });

  it('exports the log and verifies the file offline; a tampered file fails with the event named', async () => {
    const file = join(dir, 'audit.jsonl');
    expect((await run(['audit', 'export', '--out', file])).out).toMatch(/4 event\(s\) written/);
    expect((await run(['audit', 'verify', '--file', file])).code).toBe(0);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    const second = JSON.parse(lines[1]!);
    lines[1] = JSON.stringify({ ...second, actorRole: 'admin-forged' });
    writeFileSync(file, lines.join('\n') + '\n');
    const broken = await run(['audit', 'verify', '--file', file]);
    expect(broken.code).toBe(1);
    expect(broken.out).toMatch(new RegExp(`broken at event ${second.seq}: content does not match its hash`));
  });
});
