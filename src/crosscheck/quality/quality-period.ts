import { parsePeriod } from '../../analysis/indicators/period.js';
import { districtDayStart } from '../../platform/district/district-time.js';

/** A period of case openings: its label and its bounds as UTC instants (district days, UTC+8). */
export interface QualityPeriod {
  label: string;
  /** First instant in the period (ISO, UTC). */
  from: string;
  /** First instant after the period (ISO, UTC). */
  to: string;
}

/**
 * Reads a period as the indicators do — a year (2025), a quarter (2025-Q1), a month (2025-03) or
 * FROM..TO (days or months, inclusive) — into the instants it spans in district time.
 * INVALID_PERIOD otherwise.
 */
export function parseQualityPeriod(text: string): QualityPeriod {
  const period = parsePeriod(text);
  return { label: period.label, from: districtDayStart(period.from), to: districtDayStart(period.end) };
}
