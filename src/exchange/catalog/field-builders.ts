import type { CodeTable } from './code-table.js';
import { CODE_TABLES, type CodeTableName } from './code-tables.js';
import type { FieldDefinition } from './event-type.js';

/** A Chinese and an English text. */
export type Bilingual = readonly [zh: string, en: string];

/** What every field builder needs: the key, the labels and what the field means. */
export interface FieldSpec {
  key: string;
  required?: boolean;
  label: Bilingual;
  /** What the value is, one sentence per language; the format is appended by the builder. */
  meaning: Bilingual;
}

/** Listing more codes than this in a description would drown it; larger tables are cited by name. */
const LISTED_CODES_MAX = 15;

/** A resident ID number field (GB 11643). */
export function idNumberField(spec: FieldSpec): FieldDefinition {
  return build(spec, 'id_number', [
    '18位公民身份号码，末位可为X；15位旧号码自动升为18位。请把单元格设为文本格式，以免 Excel 显示成 4.40606E+17。',
    '18-character resident ID number, the last may be X; a 15-digit legacy number is converted. Format the cell as text so Excel does not show it as 4.40606E+17.',
  ]);
}

/** A person's name, up to 50 characters. */
export function nameField(spec: FieldSpec): FieldDefinition {
  return { ...build(spec, 'string', ['不超过50个字。', 'Up to 50 characters.']), maxLength: 50 };
}

/** Free text up to `maxLength` characters. */
export function textField(spec: FieldSpec & { maxLength: number }): FieldDefinition {
  const limit: Bilingual = [`不超过${spec.maxLength}个字。`, `Up to ${spec.maxLength} characters.`];
  return { ...build(spec, 'string', limit), maxLength: spec.maxLength };
}

/** The number of a certificate or document, kept as written (up to 40 characters). */
export function certificateField(spec: FieldSpec): FieldDefinition {
  const hint: Bilingual = ['按证件上的编号照填，不超过40个字符。', 'As printed on the document, up to 40 characters.'];
  return { ...build(spec, 'certificate', hint), maxLength: 40 };
}

/** A calendar date; `allowFuture` for expected dates and expiries. */
export function dateField(spec: FieldSpec & { allowFuture?: boolean }): FieldDefinition {
  const format: Bilingual = [
    '格式 YYYY-MM-DD，也可填 2024/1/5、20240105、2024年1月5日 或 Excel 日期',
    'YYYY-MM-DD; 2024/1/5, 20240105, 2024年1月5日 and Excel dates are also read',
  ];
  const hint: Bilingual = spec.allowFuture
    ? [`${format[0]}。`, `${format[1]}.`]
    : [`${format[0]}；不得晚于导入当天。`, `${format[1]}; not later than the day of import.`];
  const field = build(spec, 'date', hint);
  return spec.allowFuture ? { ...field, allowFuture: true } : field;
}

/** A coded value; the description lists the codes (or names the table when it is long). */
export function codeField(
  spec: FieldSpec & { codeTable: CodeTableName; codes?: readonly string[]; defaultValue?: string },
): FieldDefinition {
  const table: CodeTable = CODE_TABLES[spec.codeTable];
  const entries = table.entries.filter((entry) => !spec.codes || spec.codes.includes(entry.code));
  const hint: Bilingual =
    entries.length <= LISTED_CODES_MAX
      ? [
          `填代码或名称：${entries.map((e) => `${e.code} ${e.labelZh}`).join('；')}。`,
          `Code or label: ${entries.map((e) => `${e.code} ${e.labelEn}`).join('; ')}.`,
        ]
      : [
          `填代码或名称，见代码表“${table.titleZh}”（${table.system}-${table.edition}）。`,
          `Code or label; see the code table "${table.titleEn}" (${table.system}-${table.edition}).`,
        ];
  const defaults: Bilingual = spec.defaultValue
    ? [`不填为 ${spec.defaultValue}。`, ` Empty means ${spec.defaultValue}.`]
    : ['', ''];
  const field: FieldDefinition = {
    ...build(spec, 'code', [hint[0] + defaults[0], hint[1] + defaults[1]]),
    codeTable: spec.codeTable,
  };
  return {
    ...field,
    ...(spec.codes ? { codes: spec.codes } : {}),
    ...(spec.defaultValue ? { defaultValue: spec.defaultValue } : {}),
  };
}

/** A whole number between `min` and `max`. */
export function integerField(spec: FieldSpec & { min: number; max: number }): FieldDefinition {
  const hint: Bilingual = [`整数，${spec.min}–${spec.max}。`, `Whole number, ${spec.min}–${spec.max}.`];
  return { ...build(spec, 'integer', hint), min: spec.min, max: spec.max };
}

/** A division code: of this district by default, any valid code with `anyDistrict`. */
export function divisionField(spec: FieldSpec & { anyDistrict?: boolean }): FieldDefinition {
  if (spec.anyDistrict) {
    return build(spec, 'division_any', [
      '6位区县、9位镇街或12位村居统计用区划代码，可为外地。',
      '6-digit county, 9-digit town or 12-digit village division code; may be outside the district.',
    ]);
  }
  return build(spec, 'division', [
    '本区12位统计用区划代码（6位区县+3位镇街+3位村居）；不清楚村居时填9位镇街代码。',
    '12-digit division code of this district (6 county + 3 town + 3 village); the 9-digit town code when the village is unknown.',
  ]);
}

/** A unified social credit code (GB 32100). */
export function creditCodeField(spec: FieldSpec): FieldDefinition {
  return build(spec, 'credit_code', [
    '18位统一社会信用代码，含末位校验码。',
    '18-character unified social credit code, including its check character.',
  ]);
}

function build(spec: FieldSpec, kind: FieldDefinition['kind'], format: Bilingual): FieldDefinition {
  return {
    key: spec.key,
    labelZh: spec.label[0],
    labelEn: spec.label[1],
    kind,
    required: spec.required ?? false,
    descriptionZh: `${spec.meaning[0]}${format[0]}`,
    descriptionEn: `${spec.meaning[1]} ${format[1]}`,
  };
}
