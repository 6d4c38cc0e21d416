import { describe, expect, it } from 'vitest';
import { DUMMY_HASH, generatePassword, hashPassword, passwordProblems, verifyPassword } from './passwords.js';

describe('passwords', () => {
  it('applies the policy', () => {
    expect(passwordProblems('short')).toContain('must be at least 12 characters long');
    expect(passwordProblems('aaaaaaaaaaaaaaa')).toContain('must use at least 5 different characters');
    expect(passwordProblems('Password123')).toContain('must be at least 12 characters long');
    expect(passwordProblems('correcthorsebatterystaple')).toContain('is too common');
    expect(passwordProblems('marie.curie-2026!', 'marie.curie@example.org')).toContain('must not contain the e-mail name');
    expect(passwordProblems('a sound passphrase 42')).toEqual([]);
    expect(passwordProblems(generatePassword())).toEqual([]);
  });

  it('hashes with scrypt and a salt, and verifies', async () => {
    const h1 = await hashPassword('a sound passphrase 42');
    const h2 = await hashPassword('a sound passphrase 42');
    expect(h1).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(h1).not.toBe(h2);
    expect(await verifyPassword('a sound passphrase 42', h1)).toBe(true);
    expect(await verifyPassword('a sound passphrase 43', h1)).toBe(false);
    expect(await verifyPassword('anything', DUMMY_HASH)).toBe(false);
    expect(await verifyPassword('anything', 'garbage')).toBe(false);
  });
});
