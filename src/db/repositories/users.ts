/** Accounts. */
import type { AccountRole } from '../../api/policies/permissions.js';
import type { Db, ReadDb } from '../connection.js';

export interface User {
  id: number; email: string; displayName: string; role: AccountRole; state: string | null; org: string | null;
  disabled: boolean; createdAt: string;
}
interface UserRow { id: number; email: string; display_name: string; role: AccountRole; state: string | null; org: string | null; disabled: boolean; created_at: Date; password_hash: string }

const toUser = (r: UserRow): User => ({
  id: r.id, email: r.email, displayName: r.display_name, role: r.role, state: r.state, org: r.org, disabled: r.disabled,
  createdAt: new Date(r.created_at).toISOString(),
});

export async function listUsers(db: ReadDb): Promise<User[]> {
  return (await db.query<UserRow>('select * from app_user order by id')).map(toUser);
}

export async function getUser(db: ReadDb, id: number): Promise<User | null> {
  const r = (await db.query<UserRow>('select * from app_user where id = $1', [id]))[0];
  return r ? toUser(r) : null;
}

/** The account and its password hash, by e-mail (case-insensitive). */
export async function findUserForLogin(db: ReadDb, email: string): Promise<(User & { passwordHash: string }) | null> {
  const r = (await db.query<UserRow>('select * from app_user where email = $1', [email.toLowerCase()]))[0];
  return r ? { ...toUser(r), passwordHash: r.password_hash } : null;
}

export interface NewUser { email: string; displayName: string; role: AccountRole; state: string | null; org: string | null; passwordHash: string }

export async function insertUser(tx: Db, u: NewUser): Promise<User> {
  const rows = await tx.query<UserRow>(
    `insert into app_user (email, display_name, role, state, org, password_hash) values ($1, $2, $3, $4, $5, $6) returning *`,
    [u.email.toLowerCase(), u.displayName, u.role, u.state, u.org, u.passwordHash]);
  return toUser(rows[0]!);
}

export interface UserChanges { displayName?: string; role?: AccountRole; state?: string | null; org?: string | null; disabled?: boolean; passwordHash?: string }

export async function updateUser(tx: Db, id: number, c: UserChanges): Promise<User | null> {
  const sets: string[] = [];
  const params: unknown[] = [];
  const map: Record<keyof UserChanges, string> = { displayName: 'display_name', role: 'role', state: 'state', org: 'org', disabled: 'disabled', passwordHash: 'password_hash' };
  for (const [k, col] of Object.entries(map) as Array<[keyof UserChanges, string]>) {
    if (c[k] !== undefined) { params.push(c[k]); sets.push(`${col} = $${params.length}`); }
  }
  if (sets.length === 0) return getUser(tx, id);
  params.push(id);
  const rows = await tx.query<UserRow>(`update app_user set ${sets.join(', ')}, updated_at = now() where id = $${params.length} returning *`, params);
  return rows[0] ? toUser(rows[0]) : null;
}

export async function countAdmins(db: ReadDb): Promise<number> {
  return (await db.query<{ n: number }>("select count(*)::int as n from app_user where role = 'admin' and not disabled"))[0]!.n;
}
