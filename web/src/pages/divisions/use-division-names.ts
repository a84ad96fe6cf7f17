import { useEffect, useState } from 'react';
import { api } from '../../api/client.js';
import type { Division } from '../../api/types.js';

// The district's divisions change with an administrative re-plan, not within a visit: one copy per visit.
let cached: ReadonlyMap<string, Division> | undefined;
let inflight: Promise<ReadonlyMap<string, Division>> | undefined;

function loadDivisions(): Promise<ReadonlyMap<string, Division>> {
  inflight ??= api
    .get<{ items: Division[] }>('/api/v1/divisions')
    .then(({ items }) => (cached = new Map(items.map((d) => [d.code, d]))))
    .finally(() => {
      inflight = undefined;
    });
  return inflight;
}

/**
 * A division code as a clerk reads it: the village with its town (`大良街道 升平社区居委会`), the
 * town, or the district; the code itself outside the district or before the tree has loaded.
 */
export function useDivisionName(): (code: string | null | undefined) => string {
  const [divisions, setDivisions] = useState(cached);
  useEffect(() => {
    if (cached) return;
    let live = true;
    loadDivisions()
      .then((loaded) => live && setDivisions(loaded))
      .catch(() => undefined); // names are a comfort: the codes stay readable without them
    return () => {
      live = false;
    };
  }, []);
  return (code) => {
    if (!code) return '—';
    const division = divisions?.get(code);
    if (!division) return code;
    const parent = division.level === 'village' && division.parent ? divisions?.get(division.parent) : undefined;
    return parent ? `${parent.name} ${division.name}` : division.name;
  };
}
