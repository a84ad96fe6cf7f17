const FORBIDDEN = /[:\\/?*[\]\x00-\x1f]/;

/**
 * Throws unless Excel would accept `name` as a sheet name: 1–31 characters, none of
 * `: \ / ? * [ ]`, no apostrophe at either end, and not the reserved `History`.
 */
export function checkSheetName(name: string): void {
  const problem =
    name.length === 0 || name.length > 31
      ? 'must be 1 to 31 characters'
      : FORBIDDEN.test(name)
        ? 'must not contain : \\ / ? * [ ] or control characters'
        : name.startsWith("'") || name.endsWith("'")
          ? 'must not start or end with an apostrophe'
          : name.toLowerCase() === 'history'
            ? 'is reserved by Excel'
            : undefined;
  if (problem) throw new RangeError(`sheet name "${name}" ${problem}`);
}
