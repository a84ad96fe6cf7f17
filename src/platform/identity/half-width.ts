/**
 * Turns full-width ASCII forms (Ｕ+FF01–FF5E, e.g. `１２Ｘ`) and the ideographic space into their
 * half-width equivalents. Chinese input methods produce full-width digits and letters that look
 * right on screen but fail every code check.
 */
export function toHalfWidth(raw: string): string {
  return raw.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}
