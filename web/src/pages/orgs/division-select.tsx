import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Division } from '../../api/types.js';
import { useApiQuery } from '../../hooks/use-api-query.js';
import { indexDivisions } from '../divisions/division-index.js';
import type { DivisionIndex } from '../divisions/division-index.js';

interface DivisionOption {
  value: string;
  title: string;
  children?: DivisionOption[];
}

function toOptions(index: DivisionIndex, parent: string | null): DivisionOption[] {
  return (index.childrenOf.get(parent) ?? []).map((d) => {
    const children = toOptions(index, d.code);
    return { value: d.code, title: d.name, ...(children.length > 0 ? { children } : {}) };
  });
}

/** Picks any number of divisions (镇街 or 村居) from the district tree, searchable by name or code. */
export function DivisionSelect({
  value,
  onChange,
  testId,
}: {
  value?: string[];
  onChange?: (codes: string[]) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { data, loading } = useApiQuery<{ items: Division[] }>('/api/v1/divisions');
  const treeData = useMemo(() => toOptions(indexDivisions(data?.items ?? []), null), [data]);
  return (
    <TreeSelect
      multiple
      treeData={treeData}
      value={value}
      onChange={(codes: string[]) => onChange?.(codes)}
      loading={loading}
      showSearch={{
        filterTreeNode: (input, node) => {
          const needle = input.trim().toLowerCase();
          return String(node['title']).toLowerCase().includes(needle) || String(node.value).includes(needle);
        },
      }}
      treeDefaultExpandAll={false}
      allowClear
      placeholder={t('orgs.divisionsHint')}
      notFoundContent={t('divisions.empty')}
      styles={{ popup: { root: { maxHeight: 400, overflow: 'auto' } } }}
      data-testid={testId}
    />
  );
}
