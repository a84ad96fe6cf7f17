const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/**
 * Text with OOXML's `_xHHHH_` escapes (how Excel writes control characters such as `_x000D_`
 * in cell text) turned back into characters; `_x005F_` escapes a literal underscore.
 */
export function unescapeOoxml(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(OOXML_ESCAPE, (_whole, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}
