import { openByteSink } from './byte-sink.js';
import { checkRowWidth } from './check-row-width.js';
import type { Column, TabularWriter } from './tabular-writer.js';
import { createTextBatcher } from './text-batcher.js';

/**
 * Opens a streaming NDJSON writer: one JSON object per row and line, keys in column order,
 * null, undefined and empty values left out, no header. Lone surrogates come out as `\udXXX`
 * escapes (what `JSON.stringify` does), so every line is valid JSON.
 */
export function createNdjsonWriter(filePath: string, columns: readonly Column[]): TabularWriter {
  const prefixes = columns.map((column) => `${JSON.stringify(column.key)}:`);
  const sink = openByteSink(filePath);
  const batcher = createTextBatcher(sink, (text) => Buffer.from(text, 'utf8'));
  let closed = false;

  return {
    writeRow(values) {
      if (closed) throw new Error('writeRow after close');
      checkRowWidth(values.length, prefixes.length);
      let line = '';
      for (let i = 0; i < prefixes.length; i++) {
        const value = values[i];
        if (value === null || value === undefined || value === '') continue;
        line += `${line.length === 0 ? '{' : ','}${prefixes[i]!}${JSON.stringify(value)}`;
      }
      return batcher.append(line.length === 0 ? '{}\n' : `${line}}\n`);
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
