import { describe, expect, it } from 'vitest';
import { toHalfWidth } from './half-width.js';

describe('toHalfWidth', () => {
  it('turns full-width digits, letters, punctuation and the ideographic space half-width', () => {
    expect(toHalfWidth('０１２９ＡＺａｚ－／．\u3000')).toBe('0129AZaz-/. ');
  });

  it('leaves Chinese characters and half-width text alone', () => {
    expect(toHalfWidth('2024年1月5日 男')).toBe('2024年1月5日 男');
  });
});
