import { posix } from 'node:path';
import type { ZipArchive, ZipEntry } from './open-zip.js';
import { scanXmlPart } from './read-xml-part.js';
import { localName, xmlAttributes } from './scan-xml.js';

/** A sheet as the workbook lists it, in tab order. */
export interface WorkbookSheet {
  name: string;
  hidden: boolean;
  /** The worksheet part, when the workbook's relationships name one. */
  entry?: ZipEntry;
}

/** What the workbook part says about the package. */
export interface WorkbookInfo {
  sheets: WorkbookSheet[];
  sharedStrings?: ZipEntry;
  styles?: ZipEntry;
  /** Dates count from 1904 (old Mac Excel) instead of 1900. */
  date1904: boolean;
}

/** Largest small part (relationships, workbook) read. */
const PART_MAX_BYTES = 16 * 1024 * 1024;
const OFFICE_DOCUMENT = /\/officeDocument$/;

/**
 * Reads the workbook part of an XLSX package: its sheets in tab order with their worksheet
 * parts, the shared strings and styles parts, and the date system. Returns undefined when the
 * archive has no workbook (another kind of ZIP: .docx, .ods, …).
 */
export async function readWorkbook(zip: ZipArchive): Promise<WorkbookInfo | undefined> {
  const workbookPath = (await mainPartPath(zip)) ?? 'xl/workbook.xml';
  const workbookEntry = zip.find(workbookPath);
  if (workbookEntry === undefined) return undefined;
  const listed: Array<{ name: string; hidden: boolean; relId: string }> = [];
  let date1904 = false;
  await scanXmlPart(zip, workbookEntry, PART_MAX_BYTES, {
    open(name, raw) {
      const local = localName(name);
      if (local === 'sheet') {
        const attributes = xmlAttributes(raw);
        listed.push({
          name: attributes.name ?? '',
          hidden: attributes.state === 'hidden' || attributes.state === 'veryHidden',
          relId: attributes.id ?? '',
        });
      } else if (local === 'workbookPr') {
        const flag = xmlAttributes(raw).date1904;
        date1904 = flag === '1' || flag === 'true';
      }
    },
    close() {},
    text() {},
  });
  const relations = await readRelationships(zip, workbookPath);
  const target = (type: RegExp) => [...relations.values()].find((relation) => type.test(relation.type))?.target;
  const partAt = (path: string | undefined) => (path === undefined ? undefined : zip.find(path));
  const sheets = listed.map((sheet) => {
    const entry = partAt(relations.get(sheet.relId)?.target);
    return entry === undefined
      ? { name: sheet.name, hidden: sheet.hidden }
      : { name: sheet.name, hidden: sheet.hidden, entry };
  });
  const info: WorkbookInfo = { sheets, date1904 };
  const sharedStrings = partAt(target(/\/sharedStrings$/)) ?? zip.find('xl/sharedStrings.xml');
  const styles = partAt(target(/\/styles$/)) ?? zip.find('xl/styles.xml');
  if (sharedStrings !== undefined) info.sharedStrings = sharedStrings;
  if (styles !== undefined) info.styles = styles;
  return info;
}

async function mainPartPath(zip: ZipArchive): Promise<string | undefined> {
  const relations = await readRelationships(zip, '');
  return [...relations.values()].find((relation) => OFFICE_DOCUMENT.test(relation.type))?.target;
}

/** The relationships of a part by id, targets resolved to package paths. */
async function readRelationships(
  zip: ZipArchive,
  partPath: string,
): Promise<Map<string, { type: string; target: string }>> {
  const folder = posix.dirname(partPath);
  const relsPath = posix.join(folder, '_rels', `${posix.basename(partPath)}.rels`);
  const entry = zip.find(relsPath);
  const relations = new Map<string, { type: string; target: string }>();
  if (entry === undefined) return relations;
  await scanXmlPart(zip, entry, PART_MAX_BYTES, {
    open(name, raw) {
      if (localName(name) !== 'Relationship') return;
      const attributes = xmlAttributes(raw);
      if (attributes.TargetMode === 'External' || attributes.Target === undefined) return;
      const target = attributes.Target.startsWith('/')
        ? attributes.Target.slice(1)
        : posix.normalize(posix.join(folder, attributes.Target));
      relations.set(attributes.Id ?? '', { type: attributes.Type ?? '', target });
    },
    close() {},
    text() {},
  });
  return relations;
}
