/** `open1540 users …`, `tokens revoke` and `audit verify|export`: the same rules and audit events as the API. */
import { createReadStream, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { verifyChain, type AuditEvent, type RedactedEvent } from '../core/auditChain.js';
import { generatePassword } from '../core/passwords.js';
import { ACCOUNT_ROLES, type AccountRole } from '../api/policies/permissions.js';
import { openDb, type Db } from '../db/connection.js';
import { prepareDatabase } from '../server.js';
import { eventsInOrder } from '../db/repositories/audit.js';
import { listTokens } from '../db/repositories/sessions.js';
import { listUsers } from '../db/repositories/users.js';
import { AccountError, changeAccount, createAccount, revokeApiToken, setPassword } from '../services/accounts.js';
import { CLI_CONTEXT, sealAll, verifyAuditLog } from '../services/audit.js';
import type { Command } from './commands.js';
import { option } from './args.js';

/** Opens the configured database (DATABASE_URL or DATA_DIR), migrated and with the reference data, for one command. */
async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDb();
  try {
    await prepareDatabase(db, () => {});
    const result = await fn(db);
    await sealAll(db);
    return result;
  } finally { await db.close(); }
}

/** The password from standard input (first line), or null when standard input is a terminal or empty. */
async function passwordFromStdin(): Promise<string | null> {
  if (process.stdin.isTTY) return null;
  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) { rl.close(); return line.trim() || null; }
  return null;
}

const friendly = async (fn: () => Promise<number>): Promise<number> => {
  try { return await fn(); } catch (e) {
    if (e instanceof AccountError) { console.error(e.message); return 1; }
    throw e;
  }
};

export const accountCommands: Command[] = [
  {
    name: 'users add', args: '--email E --role R [--name N] [--state ISO3] [--org NAME]',
    help: `Creates an account. Roles: ${ACCOUNT_ROLES.join(', ')} (state_poc needs --state, provider needs --org).\n`
      + 'The password is read from standard input (first line); with none, one is generated and printed once.\n'
      + 'Use it to create the first admin: there is no default account or password.',
    run: (args) => friendly(async () => {
      const email = option(args, '--email');
      const role = option(args, '--role') as AccountRole | undefined;
      if (!email || !role || !ACCOUNT_ROLES.includes(role)) { console.error(`give --email and --role (one of ${ACCOUNT_ROLES.join(', ')})`); return 2; }
      const given = await passwordFromStdin();
      const password = given ?? generatePassword();
      const user = await withDb((db) => createAccount(db, CLI_CONTEXT, {
        email, role, displayName: option(args, '--name') ?? email.split('@')[0]!, state: option(args, '--state') ?? null, org: option(args, '--org') ?? null, password,
      }));
      console.log(`created account ${user.id}: ${user.email} (${user.role}${user.state ? `, ${user.state}` : ''}${user.org ? `, ${user.org}` : ''})`);
      if (!given) console.log(`password (shown once): ${password}`);
      return 0;
    }),
  },
  {
    name: 'users list', args: '',
    help: 'Lists the accounts.',
    run: () => withDb(async (db) => {
      for (const u of await listUsers(db)) console.log([u.id, u.email, u.role, u.state ?? u.org ?? '', u.disabled ? 'disabled' : 'active'].join('\t'));
      return 0;
    }),
  },
  {
    name: 'users disable', args: '--email E | --id N [--enable]',
    help: 'Disables an account (ends its sessions; its tokens stop working), or enables it again with --enable.',
    run: (args) => friendly(() => withDb(async (db) => {
      const user = await findUser(db, args);
      if (!user) return 1;
      const after = await changeAccount(db, CLI_CONTEXT, user.id, { disabled: !args.includes('--enable') });
      console.log(`${after.email}: ${after.disabled ? 'disabled' : 'enabled'}`);
      return 0;
    })),
  },
  {
    name: 'users reset-password', args: '--email E | --id N',
    help: 'Sets a new password (from standard input, or generated and printed once) and ends the account\'s sessions.',
    run: (args) => friendly(async () => {
      const given = await passwordFromStdin();
      const password = given ?? generatePassword();
      return withDb(async (db) => {
        const user = await findUser(db, args);
        if (!user) return 1;
        await setPassword(db, CLI_CONTEXT, user.id, password);
        console.log(`${user.email}: password reset${given ? '' : `; new password (shown once): ${password}`}`);
        return 0;
      });
    }),
  },
  {
    name: 'tokens revoke', args: '--id N | --email E (all of the account\'s tokens)',
    help: 'Revokes an API token, or every live token of an account.',
    run: (args) => friendly(() => withDb(async (db) => {
      const id = option(args, '--id');
      if (id) { await revokeApiToken(db, CLI_CONTEXT, Number(id)); console.log(`token ${id} revoked`); return 0; }
      const user = await findUser(db, args);
      if (!user) return 1;
      const live = (await listTokens(db, user.id)).filter((t) => !t.revokedAt);
      for (const t of live) await revokeApiToken(db, CLI_CONTEXT, t.id);
      console.log(`${live.length} token(s) of ${user.email} revoked`);
      return 0;
    })),
  },
  {
    name: 'audit verify', args: '[--file EXPORT.jsonl]',
    help: 'Walks the audit hash chain (in the database, or in a JSON-lines export) and names the first event that\n'
      + 'does not match. Exit status 0 when the chain holds, 1 when it does not.',
    async run(args) {
      const file = option(args, '--file');
      let result;
      if (file) {
        const events: Array<AuditEvent | RedactedEvent> = [];
        for await (const line of createInterface({ input: createReadStream(file) })) if (line.trim()) events.push(JSON.parse(line));
        result = verifyChain(events);
      } else result = await withDb((db) => verifyAuditLog(db));
      if (result.ok) {
        console.log(`audit chain holds: ${result.checked} event(s)${result.redacted ? ` (${result.redacted} redacted: place checked, content not visible)` : ''}; last hash ${result.lastHash}`);
        return 0;
      }
      console.log(`audit chain broken at event ${result.seq}: ${result.reason} (${result.checked} event(s) before it verified)`);
      return 1;
    },
  },
  {
    name: 'audit export', args: '--out FILE',
    help: 'Writes the whole audit log as JSON lines, for offline verification with "audit verify --file".',
    run: (args) => withDb(async (db) => {
      const out = option(args, '--out');
      if (!out) { console.error('give --out FILE'); return 2; }
      await sealAll(db);
      const lines: string[] = [];
      for await (const e of eventsInOrder(db)) lines.push(JSON.stringify(e));
      writeFileSync(out, lines.join('\n') + (lines.length ? '\n' : ''));
      console.log(`${lines.length} event(s) written to ${out}`);
      return 0;
    }),
  },
];

async function findUser(db: Db, args: string[]) {
  const email = option(args, '--email')?.toLowerCase();
  const id = Number(option(args, '--id'));
  const user = (await listUsers(db)).find((u) => (email ? u.email === email : u.id === id));
  if (!user) console.error(email || id ? `no account ${email ?? id}` : 'give --email or --id');
  return user;
}
