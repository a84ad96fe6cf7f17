import type { ZipArchive, ZipEntry } from './open-zip.js';
import { scanXmlPart } from './read-xml-part.js';
import { localName, xmlAttributes } from './scan-xml.js';

const STYLES_MAX_BYTES = 32 * 1024 * 1024;

/**
 * Built-in number formats that show a date: 14–17 and 22 everywhere, 27–31, 36, 50–54, 57–58
 * in Chinese (and other East Asian) Excel, e.g. 31 = `yyyy"年"m"月"d"日"`.
 */
const BUILT_IN_DATE_FORMATS: ReadonlySet<number> = new Set([
  14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58,
]);

/**
 * Which cell styles (indexes into `cellXfs`) format a number as a date, so that a sheet's date
 * cells read as dates rather than serial numbers. A custom format is a date format when, outside
 * quoted text and `[…]` sections, it has a year or day part.
 */
export async function readDateStyles(zip: ZipArchive, entry: ZipEntry): Promise<boolean[]> {
  const customFormats = new Map<number, string>();
  const styleFormats: number[] = [];
  let inCellXfs = false;
  await scanXmlPart(zip, entry, STYLES_MAX_BYTES, {
    open(name, raw) {
      const local = localName(name);
      if (local === 'numFmt') {
        const attributes = xmlAttributes(raw);
        customFormats.set(Number(attributes.numFmtId), attributes.formatCode ?? '');
      } else if (local === 'cellXfs') inCellXfs = true;
      else if (local === 'xf' && inCellXfs) styleFormats.push(Number(xmlAttributes(raw).numFmtId ?? 0));
    },
    close(name) {
      if (localName(name) === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  return styleFormats.map((id) => {
    const custom = customFormats.get(id);
    return custom === undefined ? BUILT_IN_DATE_FORMATS.has(id) : isDateFormat(custom);
  });
}

/** Whether a number format code shows a calendar date. */
export function isDateFormat(code: string): boolean {
  const section = code.split(';', 1)[0] ?? '';
  const bare = section
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '');
  return /[yd]/i.test(bare);
}
