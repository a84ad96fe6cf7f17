import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('the cross-verification settings', () => {
  it('runs incrementally and daily at 02:00 district time by default', () => {
    expect(loadConfig({})).toMatchObject({ crosscheckIncremental: true, crosscheckAt: '02:00' });
  });

  it('reads a time of day, and 0 or off as no daily run', () => {
    expect(loadConfig({ POPX_CROSSCHECK_AT: '3:30' }).crosscheckAt).toBe('03:30');
    expect(loadConfig({ POPX_CROSSCHECK_AT: '23:59' }).crosscheckAt).toBe('23:59');
    expect(loadConfig({ POPX_CROSSCHECK_AT: '0' }).crosscheckAt).toBeNull();
    expect(loadConfig({ POPX_CROSSCHECK_AT: 'off' }).crosscheckAt).toBeNull();
    expect(loadConfig({ POPX_CROSSCHECK_INCREMENTAL: '0' }).crosscheckIncremental).toBe(false);
  });

  it('refuses a time that is not HH:MM, naming the variable', () => {
    for (const bad of ['24:00', '2', '02:60', 'two']) expect(() => loadConfig({ POPX_CROSSCHECK_AT: bad }), bad).toThrow(/POPX_CROSSCHECK_AT must be HH:MM/);
  });
});
