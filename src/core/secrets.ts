/** Random secrets (session ids, API tokens, CSRF tokens) and the hashes stored in their place. */
import { createHash, randomBytes } from 'node:crypto';

export const TOKEN_PREFIX = 'o1540_';

export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** SHA-256, hex: what the database keeps instead of a session id or token. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** A new API token (shown once to its owner). */
export function newApiToken(): string {
  return `${TOKEN_PREFIX}${randomSecret(32)}`;
}
