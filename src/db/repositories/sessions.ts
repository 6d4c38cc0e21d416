/** Browser sessions and API tokens: only hashes of the secrets are stored. */
import type { Db, ReadDb } from '../connection.js';

export interface SessionRow { userId: number; csrfToken: string; expiresAt: string }

export async function insertSession(tx: Db, idHash: string, userId: number, csrfToken: string, ttlSeconds: number): Promise<void> {
  await tx.query(`insert into user_session (id_hash, user_id, csrf_token, expires_at) values ($1, $2, $3, now() + make_interval(secs => $4))`, [idHash, userId, csrfToken, ttlSeconds]);
}

/** The live session (not expired, account not disabled) for a hashed id. */
export async function findSession(db: ReadDb, idHash: string): Promise<SessionRow | null> {
  const r = (await db.query<{ user_id: number; csrf_token: string; expires_at: Date }>(
    `select s.user_id, s.csrf_token, s.expires_at from user_session s join app_user u on u.id = s.user_id
     where s.id_hash = $1 and s.expires_at > now() and not u.disabled`, [idHash]))[0];
  return r ? { userId: r.user_id, csrfToken: r.csrf_token, expiresAt: new Date(r.expires_at).toISOString() } : null;
}

export async function deleteSession(tx: Db, idHash: string): Promise<void> {
  await tx.query('delete from user_session where id_hash = $1', [idHash]);
}

export async function deleteUserSessions(tx: Db, userId: number): Promise<void> {
  await tx.query('delete from user_session where user_id = $1', [userId]);
}

export interface ApiToken { id: number; userId: number; name: string; scope: 'read' | 'read-write'; createdAt: string; expiresAt: string; lastUsedAt: string | null; revokedAt: string | null }
interface TokenRow { id: number; user_id: number; name: string; scope: 'read' | 'read-write'; created_at: Date; expires_at: Date; last_used_at: Date | null; revoked_at: Date | null }
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
const toToken = (r: TokenRow): ApiToken => ({ id: r.id, userId: r.user_id, name: r.name, scope: r.scope, createdAt: iso(r.created_at)!, expiresAt: iso(r.expires_at)!, lastUsedAt: iso(r.last_used_at), revokedAt: iso(r.revoked_at) });

export async function insertToken(tx: Db, userId: number, name: string, tokenHash: string, scope: ApiToken['scope'], days: number): Promise<ApiToken> {
  return toToken((await tx.query<TokenRow>(
    'insert into api_token (user_id, name, token_hash, scope, expires_at) values ($1, $2, $3, $4, now() + make_interval(days => $5)) returning *',
    [userId, name, tokenHash, scope, days]))[0]!);
}

export async function listTokens(db: ReadDb, userId?: number): Promise<ApiToken[]> {
  const rows = userId === undefined
    ? await db.query<TokenRow>('select * from api_token order by id')
    : await db.query<TokenRow>('select * from api_token where user_id = $1 order by id', [userId]);
  return rows.map(toToken);
}

/** The live token (not revoked, account not disabled) for a hash, marking it used. */
export async function useToken(tx: Db, tokenHash: string): Promise<ApiToken | null> {
  const r = (await tx.query<TokenRow>(
    `update api_token t set last_used_at = now() from app_user u
     where t.token_hash = $1 and t.revoked_at is null and t.expires_at > now() and u.id = t.user_id and not u.disabled returning t.*`, [tokenHash]))[0];
  return r ? toToken(r) : null;
}

export async function revokeToken(tx: Db, id: number, userId?: number): Promise<ApiToken | null> {
  const r = userId === undefined
    ? await tx.query<TokenRow>('update api_token set revoked_at = coalesce(revoked_at, now()) where id = $1 returning *', [id])
    : await tx.query<TokenRow>('update api_token set revoked_at = coalesce(revoked_at, now()) where id = $1 and user_id = $2 returning *', [id, userId]);
  return r[0] ? toToken(r[0]) : null;
}

/** Failed logins for a key within the last `seconds`, since its last success. */
export async function recentFailures(db: ReadDb, key: string, seconds: number): Promise<{ count: number; last: string | null }> {
  const r = (await db.query<{ n: number; last: Date | null }>(
    `select count(*)::int as n, max(at) as last from login_attempt
     where key = $1 and not success and at > now() - make_interval(secs => $2)
       and at > coalesce((select max(at) from login_attempt where key = $1 and success), '-infinity')`, [key, seconds]))[0]!;
  return { count: r.n, last: iso(r.last) };
}

export async function recordAttempt(tx: Db, keys: string[], success: boolean): Promise<void> {
  await tx.query('insert into login_attempt (key, success) select unnest($1::text[]), $2', [keys, success]);
}
