const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';

/**
 * Whether an 18-character ID number ends in the GB 11643 check character of its 17 digits.
 * Allocation-free, for loops over millions of records and pairs.
 */
export function hasValidIdCheck(id: string): boolean {
  if (id.length !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const digit = id.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return false;
    sum += digit * ID_WEIGHTS[i]!;
  }
  return id.charCodeAt(17) === ID_CHECK_CHARS.charCodeAt(sum % 11);
}
