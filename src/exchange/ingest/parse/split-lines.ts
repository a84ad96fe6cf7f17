/** A line of text by its 1-based number; `text` undefined when it was longer than allowed. */
export interface TextLine {
  line: number;
  text: string | undefined;
}

/**
 * Splits streamed text into lines (LF or CRLF), numbering every line, blank ones included. A
 * line longer than `maxChars` is never held whole: it comes out with `text` undefined.
 */
export async function* splitLines(text: AsyncIterable<string>, maxChars: number): AsyncGenerator<TextLine> {
  let pending = '';
  let tooLong = false;
  let line = 0;
  const finish = (content: string): TextLine => {
    line += 1;
    const result = { line, text: tooLong ? undefined : content.endsWith('\r') ? content.slice(0, -1) : content };
    tooLong = false;
    return result;
  };
  for await (const chunk of text) {
    let start = 0;
    for (let newline = chunk.indexOf('\n'); newline !== -1; newline = chunk.indexOf('\n', start)) {
      const piece = chunk.slice(start, newline);
      yield finish(tooLong ? '' : pending + piece);
      pending = '';
      start = newline + 1;
    }
    if (!tooLong) {
      pending += chunk.slice(start);
      if (pending.length > maxChars) {
        tooLong = true;
        pending = '';
      }
    }
  }
  if (pending.length > 0 || tooLong) yield finish(pending);
}
