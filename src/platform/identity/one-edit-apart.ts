/**
 * Whether two strings of the same length differ in exactly one position (one mistyped
 * character), the commonest keying error in ID numbers. Record linkage uses it to propose
 * candidate matches; it never decides a match on its own.
 */
export function isOneEditApart(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let differences = 0;
  for (let i = 0; i < a.length; i += 1) {
    if (a[i] !== b[i]) {
      differences += 1;
      if (differences > 1) return false;
    }
  }
  return differences === 1;
}

/**
 * Whether `b` is `a` with exactly one pair of adjacent, different characters swapped
 * (`…1203…` keyed as `…1023…`), the second commonest keying error.
 */
export function isOneTranspositionApart(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i += 1;
  if (i >= a.length - 1) return false;
  if (a[i] !== b[i + 1] || a[i + 1] !== b[i]) return false;
  return a.slice(i + 2) === b.slice(i + 2);
}
