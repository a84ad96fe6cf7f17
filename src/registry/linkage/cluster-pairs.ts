/**
 * Groups records joined by matching pairs into clusters (connected components, union–find).
 * Returns the clusters of two or more ids, each sorted, largest first.
 */
export function clusterPairs(pairs: Iterable<{ a: string; b: string }>): string[][] {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    if (!parent.has(id)) {
      parent.set(id, id);
      return id;
    }
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    for (let node = id; node !== root;) {
      const next = parent.get(node)!;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  for (const { a, b } of pairs) {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
  const groups = new Map<string, string[]>();
  for (const id of parent.keys()) {
    const root = find(id);
    const group = groups.get(root) ?? [];
    group.push(id);
    groups.set(root, group);
  }
  return [...groups.values()].map((g) => g.sort()).sort((x, y) => y.length - x.length || (x[0]! < y[0]! ? -1 : 1));
}

/**
 * The number of clusters of two or more records that pairs of record indexes (0 … size−1) join:
 * union–find over an Int32Array, for a summary over millions of pairs without building them.
 */
export function countClusters(pairs: Iterable<readonly [number, number]>, size: number): number {
  const parent = new Int32Array(size).fill(-1);
  const find = (node: number): number => {
    let root = node;
    while (parent[root]! >= 0) root = parent[root]!;
    for (let at = node; parent[at]! >= 0;) {
      const next = parent[at]!;
      parent[at] = root;
      at = next;
    }
    return root;
  };
  let clusters = 0;
  for (const [a, b] of pairs) {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) continue;
    // A root's entry holds −(its size): joining two singletons makes a cluster, two clusters make one.
    const joined = (parent[ra] === -1 ? 0 : 1) + (parent[rb] === -1 ? 0 : 1);
    clusters += 1 - joined;
    parent[ra] = parent[ra]! + parent[rb]!;
    parent[rb] = ra;
  }
  return clusters;
}
