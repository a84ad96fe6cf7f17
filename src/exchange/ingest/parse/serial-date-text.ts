const DAY_MS = 86_400_000;
const EPOCH_1900_MS = Date.UTC(1899, 11, 30);
const EPOCH_1904_MS = Date.UTC(1904, 0, 1);
/** 9999-12-31, Excel's last date. */
const SERIAL_MAX = 2_958_465;

/**
 * `YYYY-MM-DD` of an Excel date serial (the time of day dropped), or undefined for serials that
 * are no calendar date: below 1, past 9999, or 60 in the 1900 system (Excel's 1900-02-29, a day
 * that never was). Serials before 60 count from 1899-12-31 for the same reason.
 */
export function serialDateText(serial: number, date1904: boolean): string | undefined {
  const day = Math.floor(serial);
  if (!Number.isFinite(day) || day < 1 || day > SERIAL_MAX) return undefined;
  if (!date1904 && day === 60) return undefined;
  const ms = date1904 ? EPOCH_1904_MS + day * DAY_MS : EPOCH_1900_MS + (day < 60 ? day + 1 : day) * DAY_MS;
  return new Date(ms).toISOString().slice(0, 10);
}
