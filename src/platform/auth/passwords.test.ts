import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/index.js';
import { assertStrongPassword, generatePassword, hashPassword, verifyPassword } from './passwords.js';

describe('passwords', () => {
  it('hashes with argon2id and verifies only the right password', async () => {
    const hash = await hashPassword('Tiger-Lily-2026');
    expect(hash.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(hash, 'Tiger-Lily-2026')).toBe(true);
    expect(await verifyPassword(hash, 'tiger-lily-2026')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });

  it.each([
    ['short1', 'too short'],
    ['onlyletterslong', 'no digit'],
    ['1234567890123', 'no letter'],
    ['zhangsan2026x', 'contains the username'],
  ])('refuses %s (%s)', (password) => {
    expect(() => assertStrongPassword(password, 'zhangsan')).toThrow(AppError);
  });

  it('generates passwords that meet the policy', () => {
    for (let i = 0; i < 50; i += 1) expect(() => assertStrongPassword(generatePassword(), 'admin')).not.toThrow();
  });
});
