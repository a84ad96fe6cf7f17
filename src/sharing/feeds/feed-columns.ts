import { getEventType } from '../../exchange/catalog/index.js';
import type { Column } from '../../platform/tabular/index.js';

/** The ledger facts every tabular feed file starts with. */
export const FEED_META_COLUMNS: readonly Column[] = [
  { key: 'seq', header: '序号', kind: 'integer' },
  { key: 'type', header: '事件类型' },
  { key: 'action', header: '操作' },
  { key: 'recordId', header: '记录编号', kind: 'text' },
  { key: 'refsSeq', header: '更正/撤销的序号', kind: 'integer' },
  { key: 'orgCode', header: '报送单位' },
  { key: 'eventDate', header: '事件日期', kind: 'date' },
  { key: 'committedAt', header: '入库时间' },
];

/**
 * Columns of a CSV/XLSX feed file: the ledger facts, then each shared payload field once, in
 * catalog order, with its Chinese label (record_id and action are among the facts already).
 */
export function feedColumns(eventFields: Readonly<Record<string, readonly string[]>>): Column[] {
  const seen = new Map<string, Column>();
  for (const [type, keys] of Object.entries(eventFields)) {
    const shared = new Set(keys);
    for (const field of getEventType(type)?.fields ?? []) {
      if (!shared.has(field.key) || field.key === 'record_id' || field.key === 'action' || seen.has(field.key)) continue;
      seen.set(field.key, { key: field.key, header: field.labelZh, kind: field.kind === 'date' ? 'date' : field.kind === 'integer' ? 'integer' : 'text' });
    }
  }
  return [...FEED_META_COLUMNS, ...seen.values()];
}
