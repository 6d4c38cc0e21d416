/**
 * Who is signed in, and API calls made for them. The session itself is an HttpOnly cookie the page never
 * sees; every write must also carry the CSRF token given at sign-in (header x-csrf-token).
 *
 * The token is kept in localStorage, not only in memory: the cookie is shared by every tab of the browser,
 * and the server refuses any write (signing out and signing in again included) from a browser that holds
 * the cookie without its token. Keeping the token where every tab finds it avoids that dead end; it is
 * cleared at sign-out and whenever the server says the session is gone.
 */
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { ApiError, type Loadable, type Problem, type User } from './api/client';

const CSRF_KEY = 'open1540.csrf';
const CSRF_HEADER = 'x-csrf-token';

function readToken(): string | null {
  try { return window.localStorage.getItem(CSRF_KEY); } catch { return null; }
}
function writeToken(token: string | null): void {
  try {
    if (token) window.localStorage.setItem(CSRF_KEY, token); else window.localStorage.removeItem(CSRF_KEY);
  } catch { /* storage disabled: the token then lives only as long as this page */ }
  memoryToken = token;
}
let memoryToken: string | null = readToken();

export interface Session { loading: boolean; user: User | null }

let session: Session = { loading: true, user: null };
const listeners = new Set<() => void>();
function setSession(next: Session): void {
  session = next;
  listeners.forEach((l) => l());
}
function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => { listeners.delete(l); };
}

/** The signed-in account (null when signed out); re-renders when it changes. */
export function useSession(): Session {
  return useSyncExternalStore(subscribe, () => session);
}

let pending: Promise<void> | null = null;
/** Asks the server who is signed in (on start, and whenever a call says the session has ended). */
export function refreshSession(): Promise<void> {
  pending ??= fetch('/api/v1/auth/session', { headers: { accept: 'application/json' }, cache: 'no-store' })
    .then(async (res) => (res.ok ? ((await res.json()) as { user: User | null }).user : null))
    .then((user) => {
      if (!user) writeToken(null);
      setSession({ loading: false, user });
    }, () => setSession({ loading: false, user: session.user }))
    .finally(() => { pending = null; });
  return pending;
}

// Another tab signed in or out.
window.addEventListener('storage', (e) => {
  if (e.key === CSRF_KEY || e.key === null) { memoryToken = readToken(); void refreshSession(); }
});

/** Calls the API with the session cookie and, on writes, the CSRF token; throws ApiError with the problem details. */
export async function api<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const token = memoryToken ?? readToken();
  if (method !== 'GET' && token) headers[CSRF_HEADER] = token;
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store', credentials: 'same-origin' });
  const text = await res.text();
  const data: unknown = text && /json/.test(res.headers.get('content-type') ?? '') ? JSON.parse(text) : null;
  if (!res.ok) {
    // The session expired or was ended elsewhere (a password change, an administrator).
    if (res.status === 401 && session.user) void refreshSession();
    throw new ApiError(res.status, data as Problem | null);
  }
  return data as T;
}

/** Signs in; the caller shows the ApiError (401 wrong credentials, 429 locked out). */
export async function signIn(email: string, password: string): Promise<User> {
  const r = await api<{ user: User; csrfToken: string }>('POST', '/api/v1/auth/login', { email, password });
  writeToken(r.csrfToken);
  setSession({ loading: false, user: r.user });
  return r.user;
}

/** Signs out (ends the session on the server) and forgets the token. */
export async function signOut(): Promise<void> {
  try { await api('POST', '/api/v1/auth/logout'); } finally {
    writeToken(null);
    await refreshSession();
  }
}

/** After the server ended the session itself (a password change ends every session). */
export function forgetSession(): void {
  writeToken(null);
  setSession({ loading: false, user: null });
}

/** Replaces the signed-in account's record (after changing the display name). */
export function updateSessionUser(user: User): void {
  if (session.user?.id === user.id) setSession({ loading: false, user });
}

/**
 * Loads an API path with the session, again when `reload()` is called or the signed-in account changes.
 * A reload keeps showing the previous data until the new answer arrives.
 */
export function useLoad<T>(path: string | null): [Loadable<T>, () => void] {
  const [n, setN] = useState(0);
  const [result, setResult] = useState<Loadable<T>>({ state: 'loading' });
  const { user, loading } = useSession();
  const key = `${path}|${user?.id ?? ''}`;
  const lastKey = useRef<string | null>(null);
  useEffect(() => {
    if (!path || loading) return;
    let live = true;
    if (lastKey.current !== key) setResult({ state: 'loading' });
    lastKey.current = key;
    api<T>('GET', path).then(
      (data) => { if (live) setResult({ state: 'ready', data }); },
      (error: Error) => { if (live) setResult({ state: 'error', error }); },
    );
    return () => { live = false; };
  }, [key, path, n, loading]);
  return [result, useCallback(() => setN((x) => x + 1), [])];
}

/** The request failed because this browser holds a session without its CSRF token. */
export function isCsrfRefusal(e: unknown): boolean {
  return e instanceof ApiError && e.status === 403 && /csrf/i.test(e.problem?.title ?? '');
}

/** A same-site path to return to after signing in (never another origin). */
export function safeNext(next: string | null, fallback: string): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.includes('\\') ? next : fallback;
}

/** Loads the session once when the app starts. */
export function useSessionBootstrap(): void {
  useEffect(() => { void refreshSession(); }, []);
}
