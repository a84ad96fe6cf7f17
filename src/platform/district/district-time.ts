/**
 * The district's clock: China Standard Time, UTC+8 all year (no daylight saving). Calendar days
 * (agreement periods, grace periods and due dates, the daily cross-verification run, periods of
 * reports) are district days, whatever the server's time zone.
 */
const DISTRICT_OFFSET_MS = 8 * 3_600_000;

/** Today's date in the district, YYYY-MM-DD. */
export function todayInDistrict(now = new Date()): string {
  return new Date(now.getTime() + DISTRICT_OFFSET_MS).toISOString().slice(0, 10);
}

/** The time of day in the district, HH:MM. */
export function districtTimeOfDay(now = new Date()): string {
  return new Date(now.getTime() + DISTRICT_OFFSET_MS).toISOString().slice(11, 16);
}

/** The instant a district day (YYYY-MM-DD) begins, as a UTC ISO timestamp. */
export function districtDayStart(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - DISTRICT_OFFSET_MS).toISOString();
}
