/** What {@link splitJsonArray} finds, element by element (`index` is 1-based). */
export type JsonArrayPart =
  /** The text of one element, to be `JSON.parse`d. */
  | { kind: 'element'; index: number; text: string }
  /** An element longer than allowed, skipped without being held. */
  | { kind: 'too_large'; index: number }
  /** Nothing between two commas. */
  | { kind: 'empty'; index: number }
  /** The text ends inside the array (inside element `index`, or before it). */
  | { kind: 'truncated'; index: number }
  /** Something other than whitespace follows the array; it is not read. */
  | { kind: 'trailing'; index: number };

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Streams the elements of a top-level JSON array without parsing (or holding) the whole array:
 * it tracks strings, escapes and nesting depth to find each element's text. Malformed elements
 * are left for `JSON.parse` to refuse, one by one; a trailing comma is tolerated.
 */
export async function* splitJsonArray(text: AsyncIterable<string>, maxChars: number): AsyncGenerator<JsonArrayPart> {
  let state = 'before' as 'before' | 'between' | 'element' | 'after';
  let index = 0;
  let afterComma = false;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let parts: string[] = [];
  let length = 0;
  let tooLarge = false;
  const keep = (piece: string): void => {
    if (tooLarge) return;
    length += piece.length;
    if (length > maxChars) {
      tooLarge = true;
      parts = [];
    } else if (piece.length > 0) parts.push(piece);
  };
  const finishElement = (): JsonArrayPart => {
    const part: JsonArrayPart = tooLarge
      ? { kind: 'too_large', index }
      : { kind: 'element', index, text: parts.join('') };
    parts = [];
    length = 0;
    tooLarge = false;
    return part;
  };

  for await (const chunk of text) {
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const code = chunk.charCodeAt(i);
      if (state === 'element') {
        if (inString) {
          if (escaped) escaped = false;
          else if (code === BACKSLASH) escaped = true;
          else if (code === QUOTE) inString = false;
          continue;
        }
        if (code === QUOTE) inString = true;
        else if (code === OPEN_BRACE || code === OPEN_BRACKET) depth++;
        else if ((code === CLOSE_BRACE || code === CLOSE_BRACKET) && depth > 0) depth--;
        else if (depth === 0 && (code === COMMA || code === CLOSE_BRACKET)) {
          keep(chunk.slice(start, i));
          yield finishElement();
          state = code === COMMA ? 'between' : 'after';
          afterComma = code === COMMA;
        }
        continue;
      }
      if (isWhitespace(code)) continue;
      if (state === 'after') {
        yield { kind: 'trailing', index };
        return;
      }
      if (state === 'before') {
        if (code !== OPEN_BRACKET) {
          yield { kind: 'truncated', index: 1 };
          return;
        }
        state = 'between';
      } else if (code === CLOSE_BRACKET) {
        state = 'after';
      } else if (code === COMMA) {
        if (afterComma || index === 0) yield { kind: 'empty', index: ++index };
        afterComma = true;
      } else {
        index++;
        state = 'element';
        afterComma = false;
        depth = 0;
        inString = false;
        escaped = false;
        start = i;
        i--;
      }
    }
    if (state === 'element') keep(chunk.slice(start));
  }
  if (state === 'element') {
    finishElement();
    yield { kind: 'truncated', index };
  } else if (state !== 'after') {
    yield { kind: 'truncated', index: index + 1 };
  }
}

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09 || code === 0xfeff;
}
