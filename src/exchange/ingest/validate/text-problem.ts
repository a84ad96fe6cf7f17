/** What can be wrong with any text cell, in the order it is looked for. */
export type TextProblem = 'FORMULA_TEXT' | 'CONTROL_CHARACTER' | 'TOO_LONG';

/**
 * The first problem of a trimmed text cell: a spreadsheet formula (`=`, `+` or `@` followed by
 * a letter), a control character other than tab (C0, DEL, C1, U+2028/2029), or more than
 * `maxLength` characters (code points, so a rare CJK character outside the BMP counts once).
 */
export function findTextProblem(text: string, maxLength: number | undefined): TextProblem | undefined {
  if (looksLikeFormula(text)) return 'FORMULA_TEXT';
  if (hasControlCharacter(text)) return 'CONTROL_CHARACTER';
  if (maxLength !== undefined && text.length > maxLength && codePointLength(text) > maxLength) return 'TOO_LONG';
  return undefined;
}

/** Whether a cell starts as a spreadsheet formula would: `=`, `+` or `@`, then an ASCII letter. */
export function looksLikeFormula(text: string): boolean {
  const first = text.charCodeAt(0);
  if (first !== 0x3d && first !== 0x2b && first !== 0x40) return false;
  const second = text.charCodeAt(1) | 0x20;
  return second >= 0x61 && second <= 0x7a;
}

/** Whether the text holds a control character other than tab, or a Unicode line/paragraph separator. */
export function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x20 ? c !== 0x09 : (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

/** Length in code points. */
export function codePointLength(text: string): number {
  let length = text.length;
  for (let i = 0; i < text.length; i += 1) {
    if ((text.charCodeAt(i) & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      length -= 1;
      i += 1;
    }
  }
  return length;
}
