/** Password policy and hashing (scrypt, memory-hard: N=2^15, r=8, p=1 — 32 MiB per hash). */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const scrypt = (pw: string, salt: Buffer, len: number, opts: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scryptCb(pw, salt, len, opts, (e, k) => (e ? reject(e) : resolve(k))));

const PARAMS = { N: 2 ** 15, r: 8, p: 1 };
const KEYLEN = 32;
const COMMON = new Set(['password', 'password123', '123456789012', 'qwertyuiopas', 'letmeinletmein', 'administrator', 'open1540open1540', 'correcthorsebatterystaple']);

/** Problems with a new password, in words; empty when it is acceptable. */
export function passwordProblems(password: string, email = ''): string[] {
  const out: string[] = [];
  if (password.length < 12) out.push('must be at least 12 characters long');
  if (password.length > 200) out.push('must be at most 200 characters long');
  if (new Set(password).size < 5) out.push('must use at least 5 different characters');
  if (COMMON.has(password.toLowerCase())) out.push('is too common');
  if (email && password.toLowerCase().includes(email.toLowerCase().split('@')[0]!) && email.split('@')[0]!.length >= 4) out.push('must not contain the e-mail name');
  return out;
}

/** Hashes a password: "scrypt$N$r$p$salt$key" (base64url). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEYLEN, { ...PARAMS, maxmem: 64 * 1024 * 1024 });
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Checks a password against a stored hash in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, key] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, { N: Number(n), r: Number(r), p: Number(p), maxmem: 64 * 1024 * 1024 });
  return timingSafeEqual(actual, expected);
}

/** A hash of a random password, checked when an account does not exist so that timing reveals nothing. */
export const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** A random password that meets the policy (for "generated and printed once"). */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}
