/** Anything that needs work: markup characters, CR, `_`, and whatever XML 1.0 forbids. */
const NEEDS_WORK = /[&<>"\r_\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]/;
const ILLEGAL_IN_XML = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|\p{Cs}/gu;
const MARKUP = /[&<>"\r]/g;
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  // A raw CR would be read back as LF (XML end-of-line handling).
  '\r': '&#13;',
};
/** Text Excel would decode as an `_xHHHH_` escape (ST_Xstring), so its `_` is escaped itself. */
const ESCAPE_LOOKALIKE = /_(?=x[0-9a-fA-F]{4}_)/g;

/**
 * Cell text as SpreadsheetML content: control characters other than tab, LF and CR, lone
 * surrogates and U+FFFE/U+FFFF are dropped (XML 1.0 cannot carry them), markup is escaped, CR
 * survives as `&#13;`, and literal `_x0041_`-like text is protected from Excel's decoding.
 */
export function escapeXmlText(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return text
    .replace(ILLEGAL_IN_XML, '')
    .replace(ESCAPE_LOOKALIKE, '_x005F_')
    .replace(MARKUP, (char) => ENTITIES[char]!);
}
