/**
 * The active persons' ID numbers as a long projection run wrote them, for a run that began on an
 * empty registry (a first load, a rebuild): it answers what `personsByIdNumber` would — the
 * active person holding a number, the lowest id when two do — without the `persons_id_number`
 * index, which such a run leaves out and builds after its last chunk. Inserting 100k numbers in
 * random order into that index cost ≈ 1 s of CPU, most of it index pages written again at every
 * chunk's commit (docs/PERFORMANCE.md, "Registry projection in session 7").
 */
export class RunIdNumbers {
  /** Holders by number: one id, or (exceptionally) several. */
  private readonly holders = new Map<string, number | number[]>();
  private readonly numberOf = new Map<number, string>();

  /** Records a person's row as written: active with this ID number, or holding none (null). */
  set(personId: number, idNumber: string | null): void {
    const before = this.numberOf.get(personId);
    if (before === idNumber) return;
    if (before !== undefined) this.remove(personId, before);
    if (idNumber === null) return;
    this.numberOf.set(personId, idNumber);
    const held = this.holders.get(idNumber);
    if (held === undefined) this.holders.set(idNumber, personId);
    else if (typeof held === 'number') this.holders.set(idNumber, [held, personId]);
    else held.push(personId);
  }

  /** Forgets a deleted person. */
  delete(personId: number): void {
    const before = this.numberOf.get(personId);
    if (before !== undefined) this.remove(personId, before);
  }

  /** The lowest active id holding each number that someone holds. */
  lookup(idNumbers: Iterable<string>): Map<string, number> {
    const found = new Map<string, number>();
    for (const idNumber of idNumbers) {
      const held = this.holders.get(idNumber);
      if (held !== undefined) found.set(idNumber, typeof held === 'number' ? held : Math.min(...held));
    }
    return found;
  }

  private remove(personId: number, idNumber: string): void {
    this.numberOf.delete(personId);
    const held = this.holders.get(idNumber);
    if (held === personId) this.holders.delete(idNumber);
    else if (Array.isArray(held)) {
      const rest = held.filter((id) => id !== personId);
      this.holders.set(idNumber, rest.length === 1 ? rest[0]! : rest);
    }
  }
}
