import { describe, expect, it } from 'vitest';
import { districtDayStart, districtTimeOfDay, todayInDistrict } from './district-time.js';

describe('district time (UTC+8)', () => {
  it('turns to the next day at 16:00 UTC', () => {
    expect(todayInDistrict(new Date('2025-12-31T15:59:59Z'))).toBe('2025-12-31');
    expect(todayInDistrict(new Date('2025-12-31T16:00:00Z'))).toBe('2026-01-01');
    expect(districtTimeOfDay(new Date('2025-12-31T18:30:00Z'))).toBe('02:30');
  });

  it('starts a district day at 16:00 UTC the day before', () => {
    expect(districtDayStart('2026-01-01')).toBe('2025-12-31T16:00:00.000Z');
    expect(todayInDistrict(new Date(districtDayStart('2024-02-29')))).toBe('2024-02-29');
  });
});
