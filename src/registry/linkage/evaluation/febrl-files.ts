import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../../platform/config/config.js';

/**
 * Where the FEBRL benchmark CSVs are: $POPX_FEBRL_DIR, else shared/eval/febrl beside the
 * repository (the data are not committed: see shared/eval/febrl/README.md).
 */
export function febrlDirectory(): string {
  return process.env.POPX_FEBRL_DIR ?? path.resolve(PROJECT_ROOT, '..', 'shared', 'eval', 'febrl');
}

/** Whether the FEBRL files are present. */
export function hasFebrlData(): boolean {
  return fs.existsSync(path.join(febrlDirectory(), 'dataset1.csv'));
}

/** The true entity of a FEBRL record: N of rec-N-org / rec-N-dup-k (used only for scoring, never for matching). */
export function febrlEntity(recordId: string): string {
  return recordId.split('-')[1] ?? recordId;
}

/** Record id → entity, for evaluatePairs. */
export function febrlEntities(records: ReadonlyArray<{ id: string }>): Map<string, string> {
  return new Map(records.map((r) => [r.id, febrlEntity(r.id)]));
}
