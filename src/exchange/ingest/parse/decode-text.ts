import { TextDecoder } from 'node:util';
import type { ByteOrderMark } from './detect-format.js';
import { ParseError } from './parse-error.js';
import { SNIFF_BYTES } from './parse-limits.js';
import type { TextEncoding } from './parse-types.js';

/**
 * Decodes a text file as it streams. A byte-order mark decides the encoding (and is dropped);
 * otherwise ASCII passes through until the first non-ASCII byte, and the next 64 KB decide:
 * valid UTF-8 is UTF-8, else GB18030 (a superset of GBK). Bytes valid as neither throw ParseError
 * `ENCODING`. Later invalid bytes become U+FFFD. `onEncoding` hears the decision once.
 */
export async function* decodeText(
  bytes: AsyncIterable<Uint8Array>,
  bom: ByteOrderMark | undefined,
  onEncoding: (encoding: TextEncoding) => void,
): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  if (bom !== undefined) {
    decoder = new TextDecoder(bom);
    onEncoding(bom);
  }
  let pending: Buffer | undefined;
  for await (const chunk of bytes) {
    if (decoder !== undefined) {
      const text = decoder.decode(chunk, { stream: true });
      if (text.length > 0) yield text;
      continue;
    }
    pending = pending === undefined ? Buffer.from(chunk) : Buffer.concat([pending, chunk]);
    const ascii = pending.toString('latin1');
    const firstHigh = NON_ASCII.exec(ascii)?.index;
    if (firstHigh === undefined) {
      yield ascii;
      pending = undefined;
      continue;
    }
    if (firstHigh > 0) {
      yield ascii.slice(0, firstHigh);
      pending = pending.subarray(firstHigh);
    }
    if (pending.length < SNIFF_BYTES) continue;
    decoder = chooseDecoder(pending, false);
    onEncoding(decoder.encoding === 'utf-8' ? 'utf-8' : 'gb18030');
    yield decoder.decode(pending, { stream: true });
    pending = undefined;
  }
  if (decoder === undefined) {
    decoder = pending === undefined ? new TextDecoder('utf-8') : chooseDecoder(pending, true);
    onEncoding(decoder.encoding === 'utf-8' ? 'utf-8' : 'gb18030');
    if (pending !== undefined) yield decoder.decode(pending, { stream: true });
  }
  const tail = decoder.decode();
  if (tail.length > 0) yield tail;
}

const NON_ASCII = /[^\x00-\x7f]/;

function chooseDecoder(sample: Uint8Array, final: boolean): TextDecoder {
  for (const label of ['utf-8', 'gb18030']) {
    try {
      new TextDecoder(label, { fatal: true }).decode(sample, { stream: !final });
      return new TextDecoder(label);
    } catch {
      // Not this encoding; try the next.
    }
  }
  throw new ParseError('ENCODING');
}
