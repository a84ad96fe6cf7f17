import iconv from 'iconv-lite';
import { openByteSink } from './byte-sink.js';
import { checkRowWidth } from './check-row-width.js';
import { formatCsvField, type CsvFieldOptions } from './csv-field.js';
import type { Column, TabularWriter } from './tabular-writer.js';
import { createTextBatcher } from './text-batcher.js';

/** Byte encodings of a CSV file; `gb18030` is a superset of GBK that every Chinese name fits. */
export type CsvEncoding = 'utf8' | 'utf8_bom' | 'gb18030';

/** Options of {@link createCsvWriter}. */
export interface CsvWriterOptions extends Partial<CsvFieldOptions> {
  encoding?: CsvEncoding;
}

const UTF8_BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

// Lone surrogates become U+FFFD in UTF-8 (Buffer's behaviour); GB18030 does the same for parity.
const encoders: Record<CsvEncoding, (text: string) => Uint8Array> = {
  utf8: (text) => Buffer.from(text, 'utf8'),
  utf8_bom: (text) => Buffer.from(text, 'utf8'),
  gb18030: (text) => iconv.encode(text.replace(LONE_SURROGATE, '\uFFFD'), 'gb18030'),
};
const LONE_SURROGATE = /\p{Cs}/gu;

/**
 * Opens a streaming RFC 4180 CSV writer: a header row of column headers, `\r\n` line endings as
 * Excel writes them, optional UTF-8 BOM (so Excel detects UTF-8) or GB18030 bytes (for desktop
 * tools that only read GBK).
 */
export function createCsvWriter(
  filePath: string,
  columns: readonly Column[],
  options: CsvWriterOptions = {},
): TabularWriter {
  const encoding = options.encoding ?? 'utf8';
  const fieldOptions: CsvFieldOptions = {
    neutraliseFormulas: options.neutraliseFormulas ?? false,
    excelTextGuard: options.excelTextGuard ?? false,
  };
  const kinds = columns.map((column) => column.kind);
  const sink = openByteSink(filePath);
  const batcher = createTextBatcher(sink, encoders[encoding]);
  let closed = false;

  if (encoding === 'utf8_bom') void sink.write(UTF8_BOM);
  const plain = { neutraliseFormulas: false, excelTextGuard: false };
  void batcher.append(columns.map((column) => formatCsvField(column.header, undefined, plain)).join(',') + '\r\n');

  return {
    writeRow(values) {
      if (closed) throw new Error('writeRow after close');
      checkRowWidth(values.length, kinds.length);
      let line = '';
      for (let i = 0; i < kinds.length; i++) {
        if (i > 0) line += ',';
        line += formatCsvField(values[i], kinds[i], fieldOptions);
      }
      return batcher.append(line + '\r\n');
    },
    async close() {
      if (closed) throw new Error('close called twice');
      closed = true;
      try {
        await batcher.flush();
        await sink.close();
      } catch (error) {
        sink.destroy();
        throw error;
      }
    },
  };
}
