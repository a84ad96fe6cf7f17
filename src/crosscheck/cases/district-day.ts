/** Today's date in the district (UTC+8), YYYY-MM-DD: the day grace periods and due dates count from. */
export function todayInDistrict(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
