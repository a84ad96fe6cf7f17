import { idCheckChar } from '../platform/identity/index.js';
import type { Rng } from './rng.js';

/**
 * Hands out unique 18-digit ID numbers (GB 11643): address code + birth date + a 3-digit order
 * number whose parity carries the sex + the MOD 11-2 check character.
 */
export class IdAllocator {
  /** Next order number per address code and birth date, keyed as one number (a string key per person would cost tens of MB). */
  private readonly next = new Map<number, number>();

  constructor(private readonly rng: Rng) {}

  allocate(addressCode: string, birthDate: string, sex: 1 | 2): string {
    const key = Number(addressCode) * 1e8 + Number(birthDate.replaceAll('-', ''));
    let order = this.next.get(key);
    if (order === undefined) order = this.rng.between(0, 120) * 2 + 1;
    // Odd order numbers are men's, even women's: step to the next of the right parity.
    if (order % 2 !== (sex === 1 ? 1 : 0)) order += 1;
    if (order > 999) throw new Error(`more than 500 ${sex === 1 ? 'men' : 'women'} born ${birthDate} in ${addressCode}`);
    this.next.set(key, order + 1);
    const body = `${addressCode}${birthDate.replaceAll('-', '')}${String(order).padStart(3, '0')}`;
    return body + idCheckChar(body);
  }
}
