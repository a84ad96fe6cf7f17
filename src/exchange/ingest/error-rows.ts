import { getEventType } from '../catalog/index.js';
import { createTabularWriter, type Column } from '../../platform/tabular/tabular-writer.js';
import type { AppContext } from '../../platform/context.js';
import { parseSubmission } from './parse/index.js';
import { submissionFilePath } from './receive-submission.js';

export const ERROR_COLUMN = '错误说明 Errors';

/**
 * Writes the rejected rows of a submission back in their original columns with one more column
 * holding the reasons (Chinese, then English), so the clerk fixes only those rows and uploads
 * this file again. Formulas are neutralised: the file goes to a spreadsheet.
 */
export async function writeErrorRows(
  ctx: AppContext,
  submission: { id: string; type: string },
  format: 'csv' | 'xlsx',
  target: string,
): Promise<number> {
  const eventType = getEventType(submission.type)!;
  const issues = await ctx.db.kysely
    .selectFrom('submission_issues')
    .select(['row', 'message', 'message_zh'])
    .where('submission_id', '=', submission.id)
    .where('severity', '=', 'error')
    .orderBy('row')
    .orderBy('ordinal')
    .execute();
  const reasons = new Map<number, string[]>();
  for (const issue of issues) reasons.set(issue.row, [...(reasons.get(issue.row) ?? []), `${issue.message_zh} / ${issue.message}`]);
  const parsed = await parseSubmission(submissionFilePath(ctx.config.dataDir, submission.id), { eventType });
  const tabular = parsed.format === 'csv' || parsed.format === 'xlsx';
  const fieldColumns: Column[] = tabular
    ? parsed.columns.map((c) => ({ key: `c${c.index}`, header: c.header, kind: 'text' as const }))
    : eventType.fields.map((f) => ({ key: f.key, header: f.labelZh, kind: 'text' as const }));
  const columns: Column[] = [{ key: 'source_row', header: '原行号 Row', kind: 'integer' }, ...fieldColumns, { key: 'errors', header: ERROR_COLUMN, kind: 'text' }];
  const writer = createTabularWriter(format === 'csv' ? 'csv_utf8_bom' : 'xlsx', target, columns, {
    neutraliseFormulas: true,
    excelTextGuard: false,
    sheetName: '退回的行',
  });
  let written = 0;
  for await (const row of parsed.rows) {
    const why = reasons.get(row.row);
    if (!why) continue;
    const cells = tabular ? parsed.columns.map((c) => row.cells[c.index] ?? '') : eventType.fields.map((f) => row.values[f.key] ?? '');
    const pending = writer.writeRow([row.row, ...cells, why.join('；')]);
    if (pending) await pending;
    written += 1;
  }
  await writer.close();
  return written;
}
