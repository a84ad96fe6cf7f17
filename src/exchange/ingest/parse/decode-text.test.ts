import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from './decode-text.js';
import type { ByteOrderMark } from './detect-format.js';
import { ParseError } from './parse-error.js';
import type { TextEncoding } from './parse-types.js';

async function decode(chunks: Uint8Array[], bom?: ByteOrderMark): Promise<{ text: string; encoding?: TextEncoding }> {
  let encoding: TextEncoding | undefined;
  let text = '';
  async function* source() {
    yield* chunks;
  }
  for await (const piece of decodeText(source(), bom, (decided) => (encoding = decided))) text += piece;
  return encoding === undefined ? { text } : { text, encoding };
}

function splitAt(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const point of [...points, bytes.length]) {
    chunks.push(bytes.subarray(start, point));
    start = point;
  }
  return chunks;
}

describe('decodeText', () => {
  it('decodes UTF-8 split inside multi-byte characters at any point', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'grapheme', maxLength: 60 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        async (value, cuts) => {
          const bytes = new TextEncoder().encode(`id,姓名\n${value}`);
          const { text, encoding } = await decode(splitAt(bytes, cuts));
          expect(text).toBe(`id,姓名\n${value}`);
          expect(encoding).toBe('utf-8');
        },
      ),
    );
  });

  it('reads GBK without a BOM as GB18030, however the bytes are chunked', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 8 }), async (cuts) => {
        const source = '记录编号,姓名,住址\r\nA1,张三,广东省佛山市顺德区\r\nA2,李𠀀,镕\r\n';
        const { text, encoding } = await decode(splitAt(iconv.encode(source, 'gb18030'), cuts));
        expect(text).toBe(source);
        expect(encoding).toBe('gb18030');
      }),
    );
  });

  it('decides by the first non-ASCII bytes even when they come late', async () => {
    const ascii = 'record_id,id_number\n'.repeat(10_000);
    const { text, encoding } = await decode([Buffer.from(ascii), iconv.encode('r1,张三\n', 'gbk')]);
    expect(encoding).toBe('gb18030');
    expect(text.endsWith('r1,张三\n')).toBe(true);
  });

  it('drops a byte-order mark and decodes UTF-16 by it', async () => {
    expect(await decode([Buffer.from('\ufeffa,b\n', 'utf8')], 'utf-8')).toEqual({ text: 'a,b\n', encoding: 'utf-8' });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('姓名\t性别\n', 'utf16le')]);
    expect(await decode([utf16], 'utf-16le')).toEqual({ text: '姓名\t性别\n', encoding: 'utf-16le' });
  });

  it('calls pure ASCII UTF-8', async () => {
    expect(await decode([Buffer.from('a,b\n1,2\n')])).toEqual({ text: 'a,b\n1,2\n', encoding: 'utf-8' });
  });

  it('refuses bytes that are neither UTF-8 nor GB18030 with ParseError ENCODING', async () => {
    const bad = Buffer.from([0x61, 0x2c, 0x81, 0x20, 0xff, 0xff, 0x0a]);
    await expect(decode([bad])).rejects.toSatisfy((error) => error instanceof ParseError && error.code === 'ENCODING');
  });
});
