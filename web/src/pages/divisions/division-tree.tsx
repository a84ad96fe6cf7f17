import { Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { useMemo } from 'react';
import type { Division } from '../../api/types.js';
import { ancestorCodes } from './division-index.js';
import type { DivisionIndex } from './division-index.js';

const TREE_HEIGHT_PX = 560;

export interface DivisionTreeProps {
  index: DivisionIndex;
  /** Codes that match the search; when set, the tree shows only them and their ancestors. */
  matches: Division[] | null;
  selected: string | null;
  onSelect: (code: string) => void;
  expanded: string[];
  onExpand: (codes: string[]) => void;
}

function toNodes(
  index: DivisionIndex,
  parent: string | null,
  keep: Set<string> | null,
  hits: Set<string>,
): TreeDataNode[] {
  const children = index.childrenOf.get(parent) ?? [];
  return children
    .filter((d) => !keep || keep.has(d.code))
    .map((d) => {
      const sub = toNodes(index, d.code, keep, hits);
      return {
        key: d.code,
        title: hits.has(d.code) ? <Typography.Text mark>{d.name}</Typography.Text> : d.name,
        children: sub.length > 0 ? sub : undefined,
        isLeaf: sub.length === 0,
      };
    });
}

/** The district → 镇街 → 村居 tree; virtual-scrolls so hundreds of villages stay smooth. */
export function DivisionTree({ index, matches, selected, onSelect, expanded, onExpand }: DivisionTreeProps) {
  const treeData = useMemo(() => {
    if (!matches) return toNodes(index, null, null, new Set());
    const keep = new Set<string>();
    for (const d of matches) {
      keep.add(d.code);
      for (const a of ancestorCodes(index, d.code)) keep.add(a);
    }
    return toNodes(index, null, keep, new Set(matches.map((d) => d.code)));
  }, [index, matches]);

  return (
    <Tree
      treeData={treeData}
      height={TREE_HEIGHT_PX}
      showLine
      blockNode
      selectedKeys={selected ? [selected] : []}
      expandedKeys={expanded}
      onExpand={(keys) => onExpand(keys.map(String))}
      onSelect={(keys) => {
        const first = keys[0];
        if (first !== undefined) onSelect(String(first));
      }}
      data-testid="division-tree"
    />
  );
}
