import { escapeXmlText } from './xml-text.js';

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const SPREADSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

/** Style indexes into `cellXfs` of the stylesheet below. */
export const XLSX_STYLE = { general: 0, text: 1, date: 2, header: 3 } as const;

/** A sheet as the workbook lists it. */
export interface XlsxSheetEntry {
  name: string;
  hidden: boolean;
}

function contentTypes(sheetCount: number): string {
  let overrides = '';
  for (let n = 1; n <= sheetCount; n++) {
    overrides += `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="${SPREADSHEET_TYPE}.worksheet+xml"/>`;
  }
  return (
    `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${SPREADSHEET_TYPE}.sheet.main+xml"/>` +
    `<Override PartName="/xl/styles.xml" ContentType="${SPREADSHEET_TYPE}.styles+xml"/>` +
    `<Override PartName="/xl/sharedStrings.xml" ContentType="${SPREADSHEET_TYPE}.sharedStrings+xml"/>` +
    `${overrides}</Types>`
  );
}

function rootRels(): string {
  return (
    `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_REL_NS}">` +
    `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
    '</Relationships>'
  );
}

function workbook(sheets: readonly XlsxSheetEntry[]): string {
  const list = sheets
    .map(
      (sheet, i) =>
        `<sheet name="${escapeXmlText(sheet.name)}" sheetId="${i + 1}"` +
        `${sheet.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`,
    )
    .join('');
  return (
    `${XML_DECLARATION}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    '<workbookPr/><bookViews><workbookView activeTab="0"/></bookViews>' +
    `<sheets>${list}</sheets></workbook>`
  );
}

function workbookRels(sheetCount: number): string {
  let rels = '';
  for (let n = 1; n <= sheetCount; n++) {
    rels += `<Relationship Id="rId${n}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${n}.xml"/>`;
  }
  return (
    `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_REL_NS}">${rels}` +
    `<Relationship Id="rId${sheetCount + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId${sheetCount + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` +
    '</Relationships>'
  );
}

// 宋体 (SimSun, charset 134 = GB2312) is on every Chinese Windows and renders Latin text too.
const FONT = '<sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/>';

function styles(): string {
  const xf = (numFmtId: number, fontId: number): string =>
    `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="0" xfId="0"` +
    `${numFmtId ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}/>`;
  return (
    `${XML_DECLARATION}<styleSheet xmlns="${MAIN_NS}">` +
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>' +
    `<fonts count="2"><font>${FONT}</font><font><b/>${FONT}</font></fonts>` +
    '<fills count="2"><fill><patternFill patternType="none"/></fill>' +
    '<fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    // Order matches XLSX_STYLE: general, text (@ is built-in format 49), date, bold text header.
    `<cellXfs count="4">${xf(0, 0)}${xf(49, 0)}${xf(164, 0)}${xf(49, 1)}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>'
  );
}

/**
 * The parts of an XLSX package other than the worksheets, as [path, XML] pairs in the order
 * they should be zipped: before the sheets, so streaming readers (exceljs's WorkbookReader
 * among them) know the workbook, styles and the (empty) shared strings when rows arrive.
 */
export function xlsxPackageParts(sheets: readonly XlsxSheetEntry[]): Array<[string, string]> {
  return [
    ['[Content_Types].xml', contentTypes(sheets.length)],
    ['_rels/.rels', rootRels()],
    ['xl/workbook.xml', workbook(sheets)],
    ['xl/_rels/workbook.xml.rels', workbookRels(sheets.length)],
    ['xl/styles.xml', styles()],
    ['xl/sharedStrings.xml', `${XML_DECLARATION}<sst xmlns="${MAIN_NS}" count="0" uniqueCount="0"/>`],
  ];
}
