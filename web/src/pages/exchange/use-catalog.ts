import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client.js';
import type { CodeTable, EventCatalog, EventField, EventType } from '../../api/types.js';

const CATALOG_PATH = '/api/v1/event-types';

/** The catalog with lookups by key; built once per load. */
export interface CatalogIndex {
  types: EventType[];
  byKey: ReadonlyMap<string, EventType>;
  codeTables: ReadonlyMap<string, CodeTable>;
}

export interface CatalogQuery {
  data: CatalogIndex | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** Departments (org types) in the order of the district plan; a type's group is its `department`. */
export const DEPARTMENT_ORDER = ['police', 'health', 'civil', 'labor', 'commerce', 'mch', 'town', 'village', 'bureau'];

function indexCatalog(catalog: EventCatalog): CatalogIndex {
  return {
    types: catalog.items,
    byKey: new Map(catalog.items.map((type) => [type.key, type])),
    codeTables: new Map(catalog.codeTables.map((table) => [table.name, table])),
  };
}

// The catalog changes only with a server release: every page of this visit shares one copy.
let cached: CatalogIndex | undefined;
let inflight: Promise<CatalogIndex> | undefined;

function loadCatalog(): Promise<CatalogIndex> {
  inflight ??= api
    .get<EventCatalog>(CATALOG_PATH)
    .then((catalog) => (cached = indexCatalog(catalog)))
    .finally(() => {
      inflight = undefined;
    });
  return inflight;
}

/** `GET /api/v1/event-types`, loaded once per visit and shared by the exchange pages. */
export function useCatalog(enabled = true): CatalogQuery {
  const [data, setData] = useState<CatalogIndex | undefined>(cached);
  const [error, setError] = useState<unknown>(null);
  const [nonce, setNonce] = useState(0);

  useEffect(() => {
    if (!enabled || (cached && nonce === 0)) return;
    let live = true;
    setError(null);
    loadCatalog()
      .then((index) => {
        if (live) setData(index);
      })
      .catch((err: unknown) => {
        if (live) setError(err);
      });
    return () => {
      live = false;
    };
  }, [enabled, nonce]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { data, error, loading: enabled && !data && error === null, reload };
}

/** Event types grouped by department in plan order (unknown departments last, by name). */
export function groupByDepartment(types: readonly EventType[]): Array<{ department: string; types: EventType[] }> {
  const groups = new Map<string, EventType[]>();
  for (const type of types) {
    const list = groups.get(type.department) ?? [];
    list.push(type);
    groups.set(type.department, list);
  }
  const rank = (dept: string) => {
    const i = DEPARTMENT_ORDER.indexOf(dept);
    return i < 0 ? DEPARTMENT_ORDER.length : i;
  };
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([department, list]) => ({ department, types: list }));
}

/** The field of a type by key, if the catalog knows it. */
export function findField(type: EventType | undefined, key: string | null | undefined): EventField | undefined {
  return key ? type?.fields.find((field) => field.key === key) : undefined;
}

/** True when an organisation of `orgType` may submit `type`. */
export function maySubmit(type: EventType, orgType: string): boolean {
  return type.submitters.includes(orgType);
}
