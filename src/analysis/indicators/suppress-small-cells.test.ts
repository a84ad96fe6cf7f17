import { describe, expect, it } from 'vitest';
import { suppressSmallCells } from './suppress-small-cells.js';

describe('suppressSmallCells', () => {
  it('blanks counts of 1–4 but not 0 or 5', () => {
    const counts = new Map([['a', 0], ['b', 1], ['c', 4], ['d', 5]]);
    expect([...suppressSmallCells(counts, [])].sort()).toEqual(['b', 'c']);
  });

  it('blanks the smallest other non-zero cell of a group whose total is shown, so a lone blank cannot be recovered', () => {
    // births 20 = male 3 + female 17: blanking male alone would let 20 − 17 reveal it.
    const counts = new Map([['male', 3], ['female', 17]]);
    expect([...suppressSmallCells(counts, [['male', 'female']])].sort()).toEqual(['female', 'male']);
    // orders 1: 2, 2: 0, 3+: 9 → the zero is no complement (2 = 2 + 0 would still show); 9 goes.
    const orders = new Map([['1', 2], ['2', 0], ['3+', 9]]);
    expect([...suppressSmallCells(orders, [['1', '2', '3+']])].sort()).toEqual(['1', '3+']);
  });

  it('leaves a group with two blanks alone, and follows a complement into the next group', () => {
    const counts = new Map([['a', 1], ['b', 2], ['c', 30], ['x', 40], ['y', 50]]);
    expect([...suppressSmallCells(counts, [['a', 'b', 'c']])].sort()).toEqual(['a', 'b']);
    const chained = new Map([['a', 1], ['c', 30], ['d', 31]]);
    // a blanks c in the first group; c is then alone in the second and blanks d.
    expect([...suppressSmallCells(chained, [['a', 'c'], ['c', 'd']])].sort()).toEqual(['a', 'c', 'd']);
  });
});
