import type { TFunction } from 'i18next';
import type { EventRule, EventType } from '../../../api/types.js';

/** A cross-field rule of the catalog as one sentence, with the fields' labels. */
export function describeRule(
  rule: EventRule,
  type: EventType,
  t: TFunction,
  fieldLabel: (type: EventType, key: string) => string,
): string {
  const f = (key: string | undefined) => (key ? `“${fieldLabel(type, key)}”` : '?');
  const list = (keys: readonly string[] | undefined) => (keys ?? []).map(f).join(t('exchange.rules.and'));
  switch (rule.rule) {
    case 'date_not_before':
      return t('exchange.rules.date_not_before', { field: f(rule.field), other: f(rule.other) });
    case 'id_agrees':
      return t('exchange.rules.id_agrees', {
        id: f(rule.idField),
        fields: list([rule.birthDateField, rule.sexField].filter((k): k is string => Boolean(k))),
      });
    case 'one_of_required':
      return t('exchange.rules.one_of_required', {
        groups: (rule.groups ?? []).map((group) => `（${list(group)}）`).join(t('exchange.rules.or')),
      });
    case 'age_at': {
      const params = {
        id: f(rule.idField),
        date: f(rule.dateField),
        min: String(rule.min ?? ''),
        max: String(rule.max ?? ''),
      };
      if (rule.max !== undefined && rule.min !== undefined && rule.min > 0)
        return t('exchange.rules.age_range', params);
      if (rule.max !== undefined) return t('exchange.rules.age_max', params);
      if (rule.min !== undefined && rule.min > 0) return t('exchange.rules.age_min', params);
      return t('exchange.rules.age_birth', params);
    }
    case 'id_sex':
      return t('exchange.rules.id_sex', {
        id: f(rule.idField),
        sex: t(rule.sex === '2' ? 'exchange.rules.female' : 'exchange.rules.male'),
      });
    case 'fields_differ':
      return t('exchange.rules.fields_differ', { a: f(rule.fields?.[0]), b: f(rule.fields?.[1]) });
    default:
      return rule.rule;
  }
}
