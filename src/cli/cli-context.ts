import type { AppContext } from '../platform/context.js';

/**
 * Opens the configured database for one command and closes it afterwards. The platform is
 * imported here, not at the top, so commands that need no database (`--help`, `link`,
 * `dedupe`, `gen`) never load it.
 */
export async function withContext<T>(work: (ctx: AppContext) => Promise<T>): Promise<T> {
  const [{ openContext }, { loadConfig }] = await Promise.all([
    import('../platform/bootstrap.js'),
    import('../platform/config/config.js'),
  ]);
  const { ctx, report } = await openContext(loadConfig());
  if (report.adminPassword) {
    process.stderr.write(`popx: initialised an empty database; admin password (shown once): ${report.adminPassword}\n`);
  }
  try {
    return await work(ctx);
  } finally {
    await ctx.db.close();
  }
}

/** Prints rows as an aligned text table. */
export function printTable(rows: Array<Record<string, unknown>>, columns: string[]): void {
  const cells = rows.map((row) => columns.map((column) => formatCell(row[column])));
  const widths = columns.map((column, i) => Math.max(displayWidth(column), ...cells.map((r) => displayWidth(r[i]!))));
  const line = (values: string[]) => values.map((v, i) => v + ' '.repeat(widths[i]! - displayWidth(v))).join('  ');
  process.stdout.write(`${line(columns)}\n`);
  for (const row of cells) process.stdout.write(`${line(row)}\n`);
}

function formatCell(value: unknown): string {
  if (value === null || value === undefined) return '-';
  if (Array.isArray(value)) return value.join(' ');
  return String(value);
}

/** Terminal columns of a string: CJK characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return width;
}
