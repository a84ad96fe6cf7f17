import { describe, expect, it } from 'vitest';
import { nameKey } from './name-key.js';

describe('nameKey', () => {
  it('gives homophones and their pinyin the same key', () => {
    expect(nameKey('张伟')).toBe('zhangwei');
    expect(nameKey('章伟')).toBe('zhangwei');
    expect(nameKey('Zhang Wei')).toBe('zhangwei');
  });

  it('reads polyphonic surnames as surnames', () => {
    expect(nameKey('单田芳')).toBe('shantianfang');
    expect(nameKey('曾国藩')).toBe('zengguofan');
    expect(nameKey('解缙')).toBe('xiejin');
  });

  it('has no key for an empty name', () => {
    expect(nameKey('')).toBeNull();
    expect(nameKey(null)).toBeNull();
  });
});
