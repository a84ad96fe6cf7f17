import { getEventType } from '../../exchange/catalog/index.js';
import type { DivisionTree } from '../../platform/district/division-tree.js';
import { AppError } from '../../platform/errors/index.js';
import { PERSON_FIELDS, type AgreementArea, type AgreementScope, type PersonField } from './agreement.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function invalid(field: string, en: string, zh: string, extra: Record<string, unknown> = {}): AppError {
  return new AppError('VALIDATION_FAILED', { message: en, messageZh: zh, details: { field, ...extra } });
}

/** Checks a requested scope against the catalog and the district; returns it normalised (sorted, de-duplicated). */
export function validateScope(tree: DivisionTree, scope: AgreementScope): AgreementScope {
  const eventFields: Record<string, string[]> = {};
  for (const type of Object.keys(scope.eventFields).sort()) {
    const definition = getEventType(type);
    if (!definition) throw invalid('eventFields', `unknown event type "${type}"`, `未知的事件类型“${type}”`, { type });
    const known = new Set(definition.fields.map((f) => f.key));
    const fields = [...new Set(scope.eventFields[type])].sort();
    if (fields.length === 0) throw invalid('eventFields', `choose at least one field of ${type}`, `请至少选择“${definition.labelZh}”的一个字段`, { type });
    for (const field of fields) {
      if (!known.has(field)) throw invalid('eventFields', `${type} has no field "${field}"`, `“${definition.labelZh}”没有字段“${field}”`, { type, key: field });
    }
    eventFields[type] = fields;
  }
  const personFields = [...new Set(scope.personFields)].sort() as PersonField[];
  for (const field of personFields) {
    if (!(PERSON_FIELDS as readonly string[]).includes(field)) throw invalid('personFields', `unknown registry field "${field}"`, `未知的人口库字段“${field}”`, { key: field });
  }
  if (Object.keys(eventFields).length === 0 && personFields.length === 0) {
    throw invalid('eventFields', 'an agreement must share at least one event type or registry field', '共享协议须至少包含一个事件类型或人口库字段');
  }
  const area = validateArea(tree, scope.area);
  if (!DATE.test(scope.validFrom)) throw invalid('validFrom', 'validFrom must be a date YYYY-MM-DD', '生效日期格式应为 YYYY-MM-DD');
  if (scope.validTo !== null) {
    if (!DATE.test(scope.validTo)) throw invalid('validTo', 'validTo must be a date YYYY-MM-DD', '截止日期格式应为 YYYY-MM-DD');
    if (scope.validTo < scope.validFrom) throw invalid('validTo', 'validTo lies before validFrom', '截止日期早于生效日期');
  }
  return { eventFields, personFields, area, validFrom: scope.validFrom, validTo: scope.validTo };
}

function validateArea(tree: DivisionTree, area: AgreementArea): AgreementArea {
  if (area.mode === 'jurisdiction') return { mode: 'jurisdiction' };
  const codes = [...new Set(area.codes)].sort();
  if (codes.length === 0) throw invalid('area', 'name at least one division, or use the organisation’s jurisdiction', '请至少选择一个区划，或使用本单位辖区');
  for (const code of codes) if (!tree.has(code)) throw new AppError('UNKNOWN_DIVISION', { details: { field: 'area', code } });
  return { mode: 'divisions', codes };
}

/** The division codes an area covers, descendants included (`null`: the whole district). */
export function areaDivisions(tree: DivisionTree, area: AgreementArea, orgDivisions: readonly string[]): Set<string> | null {
  const codes = area.mode === 'jurisdiction' ? orgDivisions : area.codes;
  if (codes.includes(tree.root.code)) return null;
  return tree.expand(codes);
}

/** True when `next` shares nothing that `current` does not (types, fields, area, period). */
export function isNarrowerScope(tree: DivisionTree, current: AgreementScope, next: AgreementScope, orgDivisions: readonly string[]): boolean {
  for (const [type, fields] of Object.entries(next.eventFields)) {
    const allowed = new Set(current.eventFields[type] ?? []);
    if (!fields.every((f) => allowed.has(f))) return false;
  }
  const persons = new Set(current.personFields);
  if (!next.personFields.every((f) => persons.has(f))) return false;
  const before = areaDivisions(tree, current.area, orgDivisions);
  const after = areaDivisions(tree, next.area, orgDivisions);
  if (before !== null && (after === null || [...after].some((code) => !before.has(code)))) return false;
  if (next.validFrom < current.validFrom) return false;
  if (current.validTo !== null && (next.validTo === null || next.validTo > current.validTo)) return false;
  return true;
}
