const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * Excel's day number (1900 date system) for a `YYYY-MM-DD` date, or undefined when the text is
 * not a real date from 1900-01-01 on. Dates before 1900-03-01 are shifted by one because Excel
 * counts a 29 February 1900 that never was.
 */
export function excelDateSerial(text: string): number | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || year < 1900) return undefined;
  const days = (ms - EXCEL_EPOCH_MS) / DAY_MS;
  return days < 61 ? days - 1 : days;
}
