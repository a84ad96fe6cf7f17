/**
 * How severe an issue of a code is: `error` rejects the row, `warning` lets it through flagged,
 * `rule` takes the severity the catalog gives the cross-field rule that raised it.
 */
export type CodeSeverity = 'error' | 'warning' | 'rule';

/** One rule code: its severity, its message templates and what it means (README.md lists them all). */
export interface ValidationCodeInfo {
  readonly severity: CodeSeverity;
  /** English message; `{field}` is the field's English label and key, other `{names}` are filled in. */
  readonly en: string;
  /** Chinese message without the row number (the caller prefixes 第 N 行); same placeholders. */
  readonly zh: string;
  readonly meaning: string;
}

/**
 * Every code `validateRecord` reports, in one place. README.md in this folder lists the same
 * codes with their severity and meaning; a test keeps the two in step.
 */
export const VALIDATION_CODES = {
  ORG_NOT_ALLOWED: {
    severity: 'error',
    en: 'Organisations of the type "{orgType}" may not submit "{eventType}" records, which come from: {submitters}. Check that the file was uploaded under the right event type.',
    zh: '“{orgType}”类单位不能报送“{eventType}”记录，该类记录由{submitters}报送；请确认上传时选择的事件类型。',
    meaning: 'The submitting organisation type is not among the event type’s submitters (whole row).',
  },
  RECORD_ID_MISSING: {
    severity: 'error',
    en: "{field} is empty: give the record's unique ID in your own system (a correction or cancellation repeats the original ID).",
    zh: '{field}为空：请填写该记录在本单位系统中的唯一编号（更正或撤销时填原记录的编号）。',
    meaning: 'The record ID is empty; every row needs one, cancellations included.',
  },
  RECORD_ID_INVALID: {
    severity: 'error',
    en: "{field} must be at most {max} characters with no line breaks or other control characters; use the record's ID from your own system.",
    zh: '{field}不能超过{max}个字符，且不能含换行等控制字符；请填写本单位系统中的记录编号。',
    meaning: 'The record ID is longer than 64 characters or contains control characters.',
  },
  ACTION_INVALID: {
    severity: 'error',
    en: '{field} must be create, correct or cancel (新增, 更正, 撤销); leave it empty for a new record.',
    zh: '{field}只能填 新增、更正 或 撤销（create、correct、cancel）；新增记录可不填。',
    meaning: 'The action is not create, correct or cancel (or their Chinese labels).',
  },
  REQUIRED: {
    severity: 'error',
    en: '{field} is required but empty; fill it in.',
    zh: '{field}为必填项，不能为空；请补填。',
    meaning: 'A required field is empty (for a cancellation only the record ID is required).',
  },
  TOO_LONG: {
    severity: 'error',
    en: '{field} is longer than {max} characters; shorten it.',
    zh: '{field}超过{max}个字符；请删减。',
    meaning: 'Text longer than the field’s maximum length (counted in characters).',
  },
  CONTROL_CHARACTER: {
    severity: 'error',
    en: '{field} contains a line break or another invisible control character; retype the cell as a single line.',
    zh: '{field}含有换行符或其他不可见的控制字符；请把该单元格改成一行文字重新输入。',
    meaning: 'Text contains a control character other than tab (line breaks included).',
  },
  FORMULA_TEXT: {
    severity: 'error',
    en: '{field} starts like a spreadsheet formula (=, + or @ followed by letters); formulas are never stored — enter the plain value.',
    zh: '{field}以“=”“+”或“@”加字母开头，会被电子表格当作公式执行，平台不接收公式；请填写实际内容。',
    meaning: 'A cell starts with =, + or @ followed by a letter, as a spreadsheet formula does.',
  },
  NAME_INVALID: {
    severity: 'error',
    en: '{field} is not written as a name: use at least 2 Chinese characters or letters, with · between the parts of a minority or foreign name, and no other symbols or notes.',
    zh: '{field}不是规范的姓名：应为至少2个汉字或字母，少数民族或外国人姓名各部分之间用“·”分隔，不要带其他符号或备注。',
    meaning: 'A person’s name has symbols or notes in it, a misplaced ·, or fewer than 2 characters.',
  },
  NAME_SUSPICIOUS: {
    severity: 'warning',
    en: '{field} contains digits or looks like a stand-in (e.g. 不详, 某某之子); check it against the ID card or certificate.',
    zh: '{field}含有数字或像是代称（如“不详”“某某之子”）；请对照身份证件或证明核实。',
    meaning: 'A person’s name contains digits or is a placeholder; accepted, flagged for review.',
  },
  ID_FORMAT: {
    severity: 'error',
    en: '{field} must be 18 characters (17 digits, then a digit or X) or a 15-digit old number; check the number against the ID card.',
    zh: '{field}应为18位（前17位是数字，末位是数字或X）或15位旧号码；请对照身份证核对。',
    meaning: 'An ID number is not 18 characters of digits and a final digit or X, nor 15 digits.',
  },
  ID_CHECK_DIGIT: {
    severity: 'error',
    en: '{field}: the check character is wrong — compare the whole number with the ID card (do not just change the last character).',
    zh: '{field}校验位错误：请对照身份证核对号码（不要只改最后一位）。',
    meaning: 'The GB 11643 check character does not match (the correct one is deliberately not shown).',
  },
  ID_BIRTH_DATE: {
    severity: 'error',
    en: '{field}: digits 7–14 are not a real birth date between 1850 and today; check the number against the ID card.',
    zh: '{field}第7–14位不是有效的出生日期（应在1850年至今之间）；请对照身份证核对。',
    meaning: 'The birth date encoded in an ID number is not a real date, before 1850 or in the future.',
  },
  ID_PROVINCE: {
    severity: 'error',
    en: '{field}: the first two digits are not a province code; check the number against the ID card.',
    zh: '{field}前两位不是有效的省级行政区代码；请对照身份证核对。',
    meaning: 'The first two digits of an ID number are not a GB/T 2260 province (or 71, 81–83).',
  },
  ID_SCIENTIFIC_NOTATION: {
    severity: 'error',
    en: '{field}: the column was formatted as a number in Excel and the last digits are lost; format the column as text (Format Cells → Text) and re-enter the numbers from the source.',
    zh: '{field}：Excel 把该列当作数字，号码末几位已丢失；请把该列设为文本格式（设置单元格格式→文本），再按原始资料重新录入号码。',
    meaning: 'An ID number in Excel’s scientific notation, or with its last digits turned into zeros.',
  },
  ID_CONVERTED_15: {
    severity: 'warning',
    en: '{field}: the 15-digit old number was converted to the 18-character number {converted}; correct it if the person now holds a different number.',
    zh: '{field}：15位旧号码已自动升为18位号码 {converted}；如本人现用的身份证号码不同，请更正。',
    meaning: 'A 15-digit legacy ID number was converted to 18 characters.',
  },
  ID_BIRTH_DATE_MISMATCH: {
    severity: 'rule',
    en: '{field} differs from the birth date in {other}; check both against the ID card.',
    zh: '{field}与{other}中的出生日期不一致；请对照身份证核对两者。',
    meaning: 'Catalog rule id_agrees: the birth date field differs from the one encoded in the ID number.',
  },
  ID_SEX_MISMATCH: {
    severity: 'rule',
    en: '{field} differs from the sex encoded in {other} (digit 17: odd male, even female); check both against the ID card.',
    zh: '{field}与{other}第17位所示性别（单数为男，双数为女）不一致；请对照身份证核对两者。',
    meaning: 'Catalog rule id_agrees: the sex field differs from the sex encoded in the ID number.',
  },
  DATE_FORMAT: {
    severity: 'error',
    en: '{field} is not a date; write YYYY-MM-DD (e.g. 2024-01-05) — 2024/1/5, 20240105 and 2024年1月5日 are also read.',
    zh: '{field}不是可识别的日期；请按 YYYY-MM-DD 填写（如 2024-01-05），也可填 2024/1/5、20240105 或 2024年1月5日。',
    meaning: 'A date in none of the accepted forms (ISO, loose forms, Excel serial).',
  },
  DATE_INVALID: {
    severity: 'error',
    en: '{field} is not a real calendar date (such as 31 April, or 29 February in a common year); check the day and month.',
    zh: '{field}不是实际存在的日期（如4月31日、平年的2月29日）；请核对月和日。',
    meaning: 'A date in an accepted form that does not exist in the calendar.',
  },
  DATE_FUTURE: {
    severity: 'error',
    en: '{field} is after today ({today}); a future date is not allowed here — check the year.',
    zh: '{field}晚于今天（{today}），此处不能填将来的日期；请核对年份。',
    meaning: 'A date after the day of import in a field that does not allow future dates.',
  },
  DATE_TOO_EARLY: {
    severity: 'error',
    en: '{field} is before 1850; check the year.',
    zh: '{field}早于1850年；请核对年份。',
    meaning: 'A date before 1850-01-01.',
  },
  DATE_ORDER: {
    severity: 'rule',
    en: '{field} is before {other}; check both dates.',
    zh: '{field}早于{other}；请核对这两个日期。',
    meaning: 'Catalog rule date_not_before: one date lies before the date it must not precede.',
  },
  CODE_UNKNOWN: {
    severity: 'error',
    en: '{field} is not one of the allowed values: {allowed}. Write the code or its label.',
    zh: '{field}不是可选的值，应填：{allowed}（填代码或名称均可）。',
    meaning: 'A coded field holds neither a code nor a label or alias of the codes allowed there.',
  },
  INTEGER_INVALID: {
    severity: 'error',
    en: '{field} must be a whole number written in digits only (no units, decimals or words).',
    zh: '{field}须为整数，只填数字（不带单位、小数或文字）。',
    meaning: 'An integer field holds something other than a whole number ("3.0" counts as 3).',
  },
  OUT_OF_RANGE: {
    severity: 'error',
    en: '{field} must be between {min} and {max}; check the value.',
    zh: '{field}应在{min}到{max}之间；请核对。',
    meaning: 'An integer outside the field’s min–max range.',
  },
  DIVISION_INVALID: {
    severity: 'error',
    en: '{field} is not a valid division code: write {expected}, as text (format the column as text so Excel keeps every digit).',
    zh: '{field}不是有效的区划代码：应填{expected}（请把该列设为文本格式，以免 Excel 改动数字）。',
    meaning:
      'A division that is not a 9/12-digit town or village code (`division`) or not 6, 9 or 12 digits (`division_any`).',
  },
  DIVISION_NOT_IN_DISTRICT: {
    severity: 'error',
    en: "{field} is not a division of this district; use the town or village code from the district's division list.",
    zh: '{field}不是本区的区划代码；请按本区区划代码表填写所在镇街或村居的代码。',
    meaning: 'A well-formed division code that the district profile does not hold.',
  },
  CREDIT_FORMAT: {
    severity: 'error',
    en: '{field} must be an 18-character unified social credit code (digits and capital letters other than I, O, S, V, Z); check it against the licence.',
    zh: '{field}应为18位统一社会信用代码（数字和除 I、O、S、V、Z 以外的大写字母）；请对照营业执照核对。',
    meaning: 'A credit code that is not 18 characters of the GB 32100 character set.',
  },
  CREDIT_CHECK: {
    severity: 'error',
    en: '{field}: the check character is wrong — compare the whole code with the licence (do not just change the last character).',
    zh: '{field}校验位错误：请对照营业执照核对代码（不要只改最后一位）。',
    meaning: 'The GB 32100 check character does not match (the correct one is deliberately not shown).',
  },
  AGE_RANGE: {
    severity: 'rule',
    en: '{field} and {other} do not fit: {requirement}; check the ID number and the date.',
    zh: '{field}与{other}不符：{requirement}；请核对身份号码和日期。',
    meaning: 'Catalog rule age_at: the age from the ID number on the date is outside the expected range.',
  },
  ONE_OF_REQUIRED: {
    severity: 'rule',
    en: 'This record needs {alternatives}; fill in one of these in full.',
    zh: '此记录须填写{alternatives}，至少填全其中一组。',
    meaning: 'Catalog rule one_of_required: none of the alternative groups of fields is filled in full.',
  },
  ID_SEX_UNEXPECTED: {
    severity: 'rule',
    en: "{field}: digit 17 marks the holder as {actual}, but this field is for a {expected}; check that the right person's number was entered.",
    zh: '{field}第17位表示{actual}，而此处应为{expected}的号码；请核对是否填成了他人的号码。',
    meaning: 'Catalog rule id_sex: the ID number encodes the other sex than the role expects.',
  },
  SAME_PERSON_TWICE: {
    severity: 'rule',
    en: "{field} is the same as {other}; one person cannot be both — enter each person's own number.",
    zh: '{field}与{other}相同，同一人不能兼为两者；请分别填写各自的号码。',
    meaning: 'Catalog rule fields_differ: two fields naming different people hold the same value.',
  },
} as const satisfies Record<string, ValidationCodeInfo>;

/** A stable UPPER_SNAKE rule code of `validateRecord`. */
export type ValidationCode = keyof typeof VALIDATION_CODES;

/** Whether a string is one of the validation codes. */
export function isValidationCode(code: string): code is ValidationCode {
  return Object.hasOwn(VALIDATION_CODES, code);
}
