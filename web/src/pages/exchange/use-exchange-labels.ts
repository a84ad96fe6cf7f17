import { useTranslation } from 'react-i18next';
import type { CodeTable, EventField, EventType, SubmissionStatus } from '../../api/types.js';
import { useLabels } from '../../i18n/use-labels.js';
import { useLang } from '../../i18n/use-lang.js';
import type { CatalogIndex } from './use-catalog.js';
import { findField } from './use-catalog.js';

const FIELD_KINDS = [
  'id_number',
  'string',
  'date',
  'code',
  'integer',
  'division',
  'division_any',
  'credit_code',
  'certificate',
] as const;
type KnownKind = (typeof FIELD_KINDS)[number];

const STATUSES: readonly SubmissionStatus[] = ['processing', 'committed', 'rejected', 'failed'];
const CHANNELS = ['upload', 'api', 'cli'] as const;

function isKnownKind(kind: string): kind is KnownKind {
  return (FIELD_KINDS as readonly string[]).includes(kind);
}

export interface ExchangeLabels {
  /** `zh` or `en` of a bilingual pair from the server, following the UI language. */
  pick: (zh: string, en: string) => string;
  type: (type: EventType) => string;
  /** Label of a type key; the key itself when the catalog is not loaded or lacks it. */
  typeKey: (catalog: CatalogIndex | undefined, key: string) => string;
  field: (field: EventField) => string;
  /** Label of a type's field; the key when unknown. */
  fieldKey: (type: EventType | undefined, key: string) => string;
  codeTable: (table: CodeTable) => string;
  /** A field's value as a clerk reads it: a code by its label in the code table (the value itself when it has none). */
  fieldValue: (catalog: CatalogIndex | undefined, type: EventType | undefined, key: string, value: unknown) => string;
  kind: (kind: string) => string;
  kindHint: (kind: string) => string;
  status: (status: string) => string;
  channel: (channel: string) => string;
  orgTypes: (types: readonly string[]) => string;
}

/** Labels of catalog and submission data in the UI language. */
export function useExchangeLabels(): ExchangeLabels {
  const { t } = useTranslation();
  const { lang } = useLang();
  const labels = useLabels();
  const pick = (zh: string, en: string) => (lang === 'en' ? en || zh : zh || en);
  const sep = lang === 'en' ? ', ' : '、';
  return {
    pick,
    type: (type) => pick(type.labelZh, type.labelEn),
    typeKey: (catalog, key) => {
      const type = catalog?.byKey.get(key);
      return type ? pick(type.labelZh, type.labelEn) : key;
    },
    field: (field) => pick(field.labelZh, field.labelEn),
    fieldKey: (type, key) => {
      const field = findField(type, key);
      return field ? pick(field.labelZh, field.labelEn) : key;
    },
    codeTable: (table) => pick(table.titleZh, table.titleEn),
    fieldValue: (catalog, type, key, value) => {
      const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
      const table = findField(type, key)?.codeTable;
      const entry = table ? catalog?.codeTables.get(table)?.entries.find((e) => e.code === text) : undefined;
      return entry ? pick(entry.labelZh, entry.labelEn) : text;
    },
    kind: (kind) => (isKnownKind(kind) ? t(`exchange.fieldKinds.${kind}`) : kind),
    kindHint: (kind) => (isKnownKind(kind) ? t(`exchange.fieldKindHints.${kind}`) : kind),
    status: (status) =>
      (STATUSES as readonly string[]).includes(status) ? t(`exchange.statuses.${status as SubmissionStatus}`) : status,
    channel: (channel) =>
      (CHANNELS as readonly string[]).includes(channel)
        ? t(`exchange.channels.${channel as (typeof CHANNELS)[number]}`)
        : channel,
    orgTypes: (types) => types.map((type) => labels.orgType(type)).join(sep),
  };
}
