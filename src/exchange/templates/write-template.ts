import { getCodeTable, type EventType, type FieldDefinition } from '../catalog/index.js';
import { createTabularWriter, type Column } from '../../platform/tabular/tabular-writer.js';

const KIND_ZH: Record<string, string> = {
  id_number: '18位公民身份号码（文本格式）',
  string: '文字',
  date: '日期 YYYY-MM-DD（也可 2024/3/5、20240305、2024年3月5日）',
  code: '代码或中文名称（见下拉选项）',
  integer: '整数',
  division: '本区12位统计用区划代码（9位镇街代码亦可）',
  division_any: '6、9或12位区划代码',
  credit_code: '18位统一社会信用代码',
  certificate: '证件编号',
};

/** The allowed values of a coded field as `code 中文名` choices. */
function choicesOf(field: FieldDefinition): string[] | undefined {
  if (field.kind !== 'code' || !field.codeTable) return undefined;
  const table = getCodeTable(field.codeTable);
  if (!table) return undefined;
  return table.entries.filter((e) => !field.codes || field.codes.includes(e.code)).map((e) => e.labelZh);
}

/** The template's columns: Chinese labels (required ones marked *), text format for IDs, dropdowns for codes. */
export function templateColumns(eventType: EventType): Column[] {
  return eventType.fields.map((field) => ({
    key: field.key,
    header: field.required ? `${field.labelZh}*` : field.labelZh,
    kind: field.kind === 'integer' ? 'integer' : 'text',
    choices: choicesOf(field),
  }));
}

/**
 * Writes a blank submission template: XLSX with Chinese headers, a hidden-free key row is not
 * needed (headers map by label), dropdowns for coded fields, ID columns formatted as text, and
 * a 填写说明 sheet with every field's meaning and format; or a CSV (UTF-8 with BOM) header.
 */
export async function writeTemplate(eventType: EventType, format: 'xlsx' | 'csv', file: string): Promise<void> {
  const columns = templateColumns(eventType);
  if (format === 'csv') {
    const writer = createTabularWriter('csv_utf8_bom', file, columns);
    await writer.close();
    return;
  }
  const instructions = eventType.fields.map((field) => [
    field.labelZh,
    field.key,
    field.required ? '必填' : '选填',
    KIND_ZH[field.kind] ?? field.kind,
    field.descriptionZh,
    field.kind === 'code' && field.codeTable
      ? (getCodeTable(field.codeTable)?.entries ?? []).filter((e) => !field.codes || field.codes.includes(e.code)).map((e) => `${e.code} ${e.labelZh}`).join('；')
      : '',
  ]);
  const writer = createTabularWriter('xlsx', file, columns, {
    sheetName: eventType.labelZh.replace(/[:\\/?*[\]]/g, '、').slice(0, 31),
    extraSheets: [
      {
        name: '填写说明',
        columns: ['字段', '英文键名', '是否必填', '格式', '说明', '代码表'].map((header, i) => ({ key: `c${i}`, header, kind: 'text' as const })),
        rows: [
          [`${eventType.labelZh}（${eventType.key}）`, '', '', '', `${eventType.descriptionZh} 每行一条记录；“记录编号”为本单位系统内唯一编号；“操作”留空即为新增，更正或撤销已报送记录时填“更正”或“撤销”。带 * 的列必填。身份证号等列已设为文本格式，请勿改为数字。`, ''],
          ...instructions,
        ],
      },
    ],
  });
  await writer.close();
}
