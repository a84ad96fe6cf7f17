/** Which suites a run executes. */
import type { Suite } from './figure.js';

/** The suites to run, in registration order: the named ones plus what they take baselines from. */
export function selectSuites(all: readonly Suite[], only: string[] | undefined): Suite[] {
  if (!only) return [...all];
  const byName = new Map(all.map((s) => [s.name, s]));
  const unknown = only.filter((n) => !byName.has(n));
  if (unknown.length > 0) {
    throw new Error(`unknown suite ${unknown.join(', ')}; known: ${all.map((s) => s.name).join(', ')}`);
  }
  const wanted = new Set<string>();
  const add = (name: string): void => {
    if (wanted.has(name)) return;
    if (!byName.has(name)) throw new Error(`a suite depends on ${name}, which is not registered`);
    wanted.add(name);
    for (const dep of byName.get(name)?.dependsOn ?? []) add(dep);
  };
  only.forEach(add);
  return all.filter((s) => wanted.has(s.name));
}
