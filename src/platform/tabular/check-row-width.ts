/** Throws when a row has more values than the file has columns: a caller bug, never data. */
export function checkRowWidth(width: number, columnCount: number): void {
  if (width > columnCount) {
    throw new RangeError(`a row has ${width} values but the file has ${columnCount} columns`);
  }
}
