import type { ZipArchive, ZipEntry } from './open-zip.js';
import { CELL_MAX_CHARS } from './parse-limits.js';
import { scanXmlPart } from './read-xml-part.js';
import { decodeXmlText, localName } from './scan-xml.js';
import { unescapeOoxml } from './unescape-ooxml.js';

/** Largest shared-strings part read; its strings are held in memory while the sheet is read. */
const SHARED_STRINGS_MAX_BYTES = 512 * 1024 * 1024;
/** Most shared strings held: enough for a full sheet of distinct IDs, names and addresses, not for a ZIP bomb of empty ones. */
const SHARED_STRINGS_MAX_COUNT = 10_000_000;

/**
 * The shared strings of a workbook as plain text: rich-text runs joined, phonetic guides
 * (`rPh`) left out, each string cut just past {@link CELL_MAX_CHARS} (longer cells are
 * rejected anyway, so nothing longer needs holding). More than 10 million strings throw
 * RangeError (the caller's `CORRUPT_XLSX`).
 */
export async function readSharedStrings(zip: ZipArchive, entry: ZipEntry): Promise<string[]> {
  const strings: string[] = [];
  let current: string[] | undefined;
  let currentLength = 0;
  let inText = false;
  let phonetic = 0;
  await scanXmlPart(zip, entry, SHARED_STRINGS_MAX_BYTES, {
    open(name) {
      const local = localName(name);
      if (local === 'si') {
        current = [];
        currentLength = 0;
      } else if (local === 'rPh') phonetic++;
      else if (local === 't' && phonetic === 0) inText = true;
    },
    close(name) {
      const local = localName(name);
      if (local === 't') inText = false;
      else if (local === 'rPh') phonetic = Math.max(0, phonetic - 1);
      else if (local === 'si' && current !== undefined) {
        if (strings.length === SHARED_STRINGS_MAX_COUNT) throw new RangeError('too many shared strings');
        strings.push(unescapeOoxml(current.join('')).slice(0, CELL_MAX_CHARS + 1));
        current = undefined;
      }
    },
    text(raw, cdata) {
      if (!inText || current === undefined || currentLength > CELL_MAX_CHARS) return;
      const text = cdata ? raw : decodeXmlText(raw);
      current.push(text);
      currentLength += text.length;
    },
  });
  return strings;
}
