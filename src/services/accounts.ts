/** Accounts, sessions, tokens and logins: the rules, with their audit events. */
import { DUMMY_HASH, hashPassword, passwordProblems, verifyPassword } from '../core/passwords.js';
import { newApiToken, randomSecret, sha256 } from '../core/secrets.js';
import type { AccountRole } from '../api/policies/permissions.js';
import type { Db } from '../db/connection.js';
import { deleteSession, deleteUserSessions, insertSession, insertToken, recentFailures, recordAttempt, revokeToken, type ApiToken } from '../db/repositories/sessions.js';
import { countAdmins, findUserForLogin, getUser, insertUser, updateUser, type User } from '../db/repositories/users.js';
import { getState } from '../db/repositories/states.js';
import { recordEvent, type WriteContext } from './audit.js';

export const SESSION_TTL_SECONDS = 12 * 3600;
export const LOCKOUT = { failures: 5, windowSeconds: 15 * 60, perClientFailures: 30 };

export class AccountError extends Error {
  constructor(readonly status: 400 | 401 | 403 | 404 | 409 | 429, message: string, readonly field?: string) { super(message); }
}

const publicUser = (u: User) => ({ id: u.id, email: u.email, displayName: u.displayName, role: u.role, state: u.state, org: u.org, disabled: u.disabled });

export interface NewAccount { email: string; displayName: string; role: AccountRole; state?: string | null; org?: string | null; password: string }

/** Creates an account after checking scope and the password policy. */
export async function createAccount(db: Db, ctx: WriteContext, a: NewAccount): Promise<User> {
  const problems = passwordProblems(a.password, a.email);
  if (problems.length) throw new AccountError(400, `the password ${problems.join('; ')}`, 'password');
  if (a.role === 'state_poc' && !a.state) throw new AccountError(400, 'a state_poc account needs a State (ISO3)', 'state');
  if (a.role === 'provider' && !a.org) throw new AccountError(400, 'a provider account needs an organisation', 'org');
  if (a.state && !(await getState(db, a.state))) throw new AccountError(400, `unknown State code "${a.state}"`, 'state');
  const passwordHash = await hashPassword(a.password);
  return db.transaction(async (tx) => {
    if (await findUserForLogin(tx, a.email)) throw new AccountError(409, `an account with the e-mail ${a.email.toLowerCase()} exists`, 'email');
    const user = await insertUser(tx, { email: a.email, displayName: a.displayName, role: a.role, state: a.role === 'state_poc' ? a.state!.toUpperCase() : null, org: a.role === 'provider' ? a.org! : null, passwordHash });
    await recordEvent(tx, ctx, { action: 'user.create', entityType: 'user', entityId: user.id, state: user.state, visibility: 'restricted', after: publicUser(user) });
    return user;
  });
}

/** Changes an account (admin): role, scope, name, disabled. Disabling ends its sessions. */
export async function changeAccount(db: Db, ctx: WriteContext, id: number, c: { displayName?: string; role?: AccountRole; state?: string | null; org?: string | null; disabled?: boolean }): Promise<User> {
  return db.transaction(async (tx) => {
    const before = await getUser(tx, id);
    if (!before) throw new AccountError(404, `no account ${id}`, 'id');
    const role = c.role ?? before.role;
    const state = role === 'state_poc' ? (c.state ?? before.state) : null;
    const org = role === 'provider' ? (c.org ?? before.org) : null;
    if (role === 'state_poc' && !state) throw new AccountError(400, 'a state_poc account needs a State (ISO3)', 'state');
    if (role === 'provider' && !org) throw new AccountError(400, 'a provider account needs an organisation', 'org');
    if (state && !(await getState(tx, state))) throw new AccountError(400, `unknown State code "${state}"`, 'state');
    const losesAdmin = before.role === 'admin' && !before.disabled && (role !== 'admin' || c.disabled === true);
    if (losesAdmin && (await countAdmins(tx)) <= 1) {
      throw new AccountError(409, 'this is the last active admin account: make another admin first', before.role !== role ? 'role' : 'disabled');
    }
    const after = (await updateUser(tx, id, { displayName: c.displayName, role, state: state?.toUpperCase() ?? null, org, disabled: c.disabled }))!;
    if (after.disabled) await deleteUserSessions(tx, id);
    await recordEvent(tx, ctx, { action: 'user.update', entityType: 'user', entityId: id, state: after.state, visibility: 'restricted', before: publicUser(before), after: publicUser(after) });
    return after;
  });
}

/** Sets a new password (admin reset, or the owner with the current password checked by the caller). */
export async function setPassword(db: Db, ctx: WriteContext, id: number, password: string, action = 'user.reset-password'): Promise<void> {
  const user = await getUser(db, id);
  if (!user) throw new AccountError(404, `no account ${id}`, 'id');
  const problems = passwordProblems(password, user.email);
  if (problems.length) throw new AccountError(400, `the password ${problems.join('; ')}`, 'password');
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await updateUser(tx, id, { passwordHash });
    await deleteUserSessions(tx, id);
    await recordEvent(tx, ctx, { action, entityType: 'user', entityId: id, state: user.state, visibility: 'restricted' });
  });
}

/** The owner's password change: the current password must be given and right. */
export async function changeOwnPassword(db: Db, ctx: WriteContext, id: number, currentPassword: string, newPassword: string): Promise<void> {
  const user = await getUser(db, id);
  const full = user && await findUserForLogin(db, user.email);
  if (!full || !(await verifyPassword(currentPassword, full.passwordHash))) throw new AccountError(400, 'the current password is wrong', 'currentPassword');
  await setPassword(db, ctx, id, newPassword, 'user.change-password');
}

export interface LoginResult { user: User; sessionId: string; csrfToken: string }

/**
 * Checks a login. The answer and its timing are the same whether or not the account exists; after
 * LOCKOUT.failures failures for an e-mail (or many from one client) within the window, logins for it are
 * refused until the window has passed.
 */
export async function login(db: Db, ctx: WriteContext, email: string, password: string): Promise<LoginResult> {
  const emailKey = `email:${email.toLowerCase()}`;
  const clientKey = `client:${ctx.client ?? 'unknown'}`;
  const [byEmail, byClient] = await Promise.all([recentFailures(db, emailKey, LOCKOUT.windowSeconds), recentFailures(db, clientKey, LOCKOUT.windowSeconds)]);
  if (byEmail.count >= LOCKOUT.failures || byClient.count >= LOCKOUT.perClientFailures) {
    throw new AccountError(429, `too many failed sign-ins; try again in ${Math.ceil(LOCKOUT.windowSeconds / 60)} minutes`);
  }
  const user = await findUserForLogin(db, email);
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || user.disabled) {
    await db.transaction(async (tx) => {
      await recordAttempt(tx, [emailKey, clientKey], false);
      await recordEvent(tx, ctx, { action: 'auth.login-failed', entityType: 'session', entityId: null, visibility: 'restricted', after: { email: email.toLowerCase() } });
    });
    throw new AccountError(401, 'the e-mail or the password is wrong');
  }
  const sessionId = randomSecret(32);
  const csrfToken = randomSecret(24);
  await db.transaction(async (tx) => {
    await insertSession(tx, sha256(sessionId), user.id, csrfToken, SESSION_TTL_SECONDS);
    await recordAttempt(tx, [emailKey, clientKey], true);
    await recordEvent(tx, { ...ctx, actor: { role: user.role, userId: user.id, state: user.state, org: user.org, via: 'session' } },
      { action: 'auth.login', entityType: 'session', entityId: null, state: user.state, visibility: 'restricted' });
  });
  return { user, sessionId, csrfToken };
}

export async function logout(db: Db, ctx: WriteContext, sessionId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await deleteSession(tx, sha256(sessionId));
    await recordEvent(tx, ctx, { action: 'auth.logout', entityType: 'session', entityId: null, state: ctx.actor.state, visibility: 'restricted' });
  });
}

/** Creates an API token for the actor; the secret is returned once and stored hashed. */
export async function createToken(db: Db, ctx: WriteContext, userId: number, name: string, scope: ApiToken['scope'], days = 365): Promise<{ token: string; record: ApiToken }> {
  const token = newApiToken();
  const record = await db.transaction(async (tx) => {
    const r = await insertToken(tx, userId, name, sha256(token), scope, days);
    await recordEvent(tx, ctx, { action: 'token.create', entityType: 'api_token', entityId: r.id, state: ctx.actor.state, visibility: 'restricted', after: { name, scope, userId, expiresAt: r.expiresAt } });
    return r;
  });
  return { token, record };
}

/** Revokes a token (its owner's, or any for an admin/CLI when userId is undefined). */
export async function revokeApiToken(db: Db, ctx: WriteContext, id: number, userId?: number): Promise<ApiToken> {
  return db.transaction(async (tx) => {
    const r = await revokeToken(tx, id, userId);
    if (!r) throw new AccountError(404, `no token ${id}`, 'id');
    await recordEvent(tx, ctx, { action: 'token.revoke', entityType: 'api_token', entityId: id, state: ctx.actor.state, visibility: 'restricted', after: { revokedAt: r.revokedAt } });
    return r;
  });
}

export { publicUser };
