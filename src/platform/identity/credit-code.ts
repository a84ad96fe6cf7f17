import { toHalfWidth } from './half-width.js';

/** The 31 symbols of GB 32100 in value order (no I, O, S, V, Z). */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** W_i = 3^(i−1) mod 31 for positions 1..17. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

const SYMBOL = `[${CREDIT_CODE_CHARSET}]`;
/** Position 1–2: registering authority and entity kind; 3–8: GB/T 2260 county code; 9–18 symbols. */
const SHAPE = new RegExp(`^${SYMBOL}{2}\\d{6}${SYMBOL}{10}$`);

export type CreditCodeResult = { ok: true; code: string } | { ok: false; problem: 'CREDIT_FORMAT' | 'CREDIT_CHECK' };

/** The GB 32100 check character of a 17-character body: C18 = 31 − (Σ Ci·Wi mod 31), 31 → 0. */
export function creditCheckChar(body17: string): string {
  if (body17.length !== 17) throw new RangeError('a credit code body is 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = CREDIT_CODE_CHARSET.indexOf(body17[i]!);
    if (value < 0) throw new RangeError(`"${body17[i]}" is not a credit-code character`);
    sum += value * WEIGHTS[i]!;
  }
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31]!;
}

/**
 * Validates a unified social credit code (GB 32100) after trimming, removing spaces, turning
 * full-width characters half-width and upper-casing. CREDIT_FORMAT: not 18 characters of the
 * charset with digits in positions 3–8; CREDIT_CHECK: the check character does not match.
 */
export function validateCreditCode(raw: string): CreditCodeResult {
  const code = toHalfWidth(raw).replace(/\s/g, '').toUpperCase();
  if (!SHAPE.test(code)) return { ok: false, problem: 'CREDIT_FORMAT' };
  if (creditCheckChar(code.slice(0, 17)) !== code[17]) return { ok: false, problem: 'CREDIT_CHECK' };
  return { ok: true, code };
}
