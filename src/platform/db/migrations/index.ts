import type { Migration } from 'kysely';
import * as platform from './2026-11-29-0001-platform.js';
import * as exchange from './2026-11-29-0002-exchange.js';
import * as sqliteLedgerLayout from './2026-11-29-0003-sqlite-ledger-layout.js';
import * as registry from './2026-11-29-0004-registry.js';
import * as sharing from './2026-11-29-0005-sharing.js';
import * as registryBlocking from './2026-11-29-0006-registry-blocking.js';
import * as crosscheck from './2026-11-29-0007-crosscheck.js';
import * as crosscheckSchedule from './2026-11-29-0008-crosscheck-schedule.js';
import * as crosscheckPending from './2026-11-29-0009-crosscheck-pending.js';
import * as analysisAggregates from './2026-11-30-0010-analysis-aggregates.js';
import * as crosscheckCoveringIndex from './2026-11-30-0011-crosscheck-covering-index.js';
import * as analysisCellsByAgeAndOrder from './2026-11-30-0040-analysis-cells-by-age-and-order.js';
import * as dropLedgerSubjectIndex from './2026-11-30-0041-drop-ledger-subject-index.js';

/**
 * Every migration, keyed by its timestamped name. Names sort in the order they run; a landed
 * migration is never edited, only followed by a new one.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '2026-11-29-0001-platform': platform,
  '2026-11-29-0002-exchange': exchange,
  '2026-11-29-0003-sqlite-ledger-layout': sqliteLedgerLayout,
  '2026-11-29-0004-registry': registry,
  '2026-11-29-0005-sharing': sharing,
  '2026-11-29-0006-registry-blocking': registryBlocking,
  '2026-11-29-0007-crosscheck': crosscheck,
  '2026-11-29-0008-crosscheck-schedule': crosscheckSchedule,
  '2026-11-29-0009-crosscheck-pending': crosscheckPending,
  '2026-11-30-0010-analysis-aggregates': analysisAggregates,
  '2026-11-30-0011-crosscheck-covering-index': crosscheckCoveringIndex,
  '2026-11-30-0040-analysis-cells-by-age-and-order': analysisCellsByAgeAndOrder,
  '2026-11-30-0041-drop-ledger-subject-index': dropLedgerSubjectIndex,
};
