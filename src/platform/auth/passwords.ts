import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import { AppError } from '../errors/index.js';

export const PASSWORD_MIN_LENGTH = 10;

/** Hashes a password with argon2id (OWASP parameters: 19 MiB, 2 passes). */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
}

/** Checks a password against its stored hash; a malformed hash counts as a mismatch. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** Throws WEAK_PASSWORD unless the password meets the policy. */
export function assertStrongPassword(password: string, username: string): void {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`at least ${PASSWORD_MIN_LENGTH} characters`);
  if (!/[A-Za-z]/.test(password)) problems.push('a letter');
  if (!/\d/.test(password)) problems.push('a digit');
  if (password.toLowerCase().includes(username.toLowerCase())) problems.push('not containing the username');
  if (password.length > 256) problems.push('at most 256 characters');
  if (problems.length > 0) throw new AppError('WEAK_PASSWORD', { details: { needs: problems } });
}

/** A random password that meets the policy, for bootstrap and resets (shown once). */
export function generatePassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  for (;;) {
    let out = '';
    // 252 is the largest multiple of the alphabet's 56 symbols below 256: no modulo bias.
    for (const byte of randomBytes(64)) {
      if (byte < 252 && out.length < 18) out += alphabet[byte % alphabet.length];
    }
    if (out.length === 18 && /[A-Za-z]/.test(out) && /\d/.test(out)) return out;
  }
}
