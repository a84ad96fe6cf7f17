import type { Cell } from './format-cell.js';

/** The numbers behind one chart: what its table shows and what the export writes. */
export interface DataTable {
  /** Sheet name and CSV section. */
  name: string;
  columns: Array<{ key: string; title: string; digits?: number }>;
  rows: Array<Record<string, Cell>>;
}
