import { Card, Col, Input, Row, Statistic, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Division } from '../../api/types.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorState } from '../../components/error-state.js';
import { LoadingState } from '../../components/loading-state.js';
import { PageHeader } from '../../components/page-header.js';
import { useApiQuery } from '../../hooks/use-api-query.js';
import { useDebouncedValue } from '../../hooks/use-debounced-value.js';
import { useLabels } from '../../i18n/use-labels.js';
import { expandedForMatches, indexDivisions, searchDivisions } from './division-index.js';
import { DivisionTree } from './division-tree.js';

const LEVEL_COLORS: Record<string, string> = { district: 'purple', town: 'blue', village: 'green' };

/** `/divisions`: the district's division tree with search, and a table of the selected level. */
export function DivisionsPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { data, error, loading, reload } = useApiQuery<{ items: Division[] }>('/api/v1/divisions');
  const items = useMemo(() => data?.items ?? [], [data]);
  const index = useMemo(() => indexDivisions(items), [items]);
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search, 200).trim();
  const [selected, setSelected] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<string[]>([]);
  const matches = useMemo(() => (q ? searchDivisions(items, q) : null), [items, q]);

  useEffect(() => {
    const root = index.roots[0];
    if (root && selected === null) {
      setSelected(root.code);
      setExpanded(index.roots.map((d) => d.code));
    }
  }, [index, selected]);

  useEffect(() => {
    if (matches) setExpanded(expandedForMatches(index, matches));
  }, [index, matches]);

  if (loading && !data) return <LoadingState />;
  if (error && !data) return <ErrorState error={error} onRetry={reload} />;

  const selectedDivision = selected ? index.byCode.get(selected) : undefined;
  const rows = matches ?? (selected ? (index.childrenOf.get(selected) ?? []) : index.roots);
  const towns = items.filter((d) => d.level === 'town').length;
  const villages = items.filter((d) => d.level === 'village').length;

  const columns: TableColumnsType<Division> = [
    { title: t('divisions.code'), dataIndex: 'code', width: 160, render: (code: string) => <code>{code}</code> },
    { title: t('divisions.name'), dataIndex: 'name' },
    {
      title: t('divisions.level'),
      dataIndex: 'level',
      width: 100,
      render: (level: string) => <Tag color={LEVEL_COLORS[level]}>{labels.level(level)}</Tag>,
    },
    {
      title: t('divisions.kind'),
      dataIndex: 'kind',
      width: 120,
      render: (kind: string | null) => labels.divisionKind(kind) || '—',
    },
    {
      title: t('divisions.parent'),
      dataIndex: 'parent',
      render: (parent: string | null) => (parent ? (index.byCode.get(parent)?.name ?? parent) : '—'),
    },
  ];

  const tableTitle = matches
    ? t('divisions.matches')
    : selectedDivision
      ? t('divisions.childrenOf', { name: selectedDivision.name })
      : t('divisions.children');
  const emptyText = matches
    ? t('divisions.noMatch', { q })
    : items.length === 0
      ? t('divisions.empty')
      : t('divisions.noChildren');

  return (
    <>
      <PageHeader title={t('divisions.title')} subtitle={t('divisions.subtitle')} />
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('divisions.towns')} value={towns} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('divisions.villages')} value={villages} />
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={9} xl={8}>
          <Card title={t('divisions.tree')} size="small">
            <Input.Search
              allowClear
              placeholder={t('divisions.searchPlaceholder')}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              style={{ marginBottom: 12 }}
              data-testid="division-search"
            />
            {items.length === 0 ? (
              <EmptyState title={t('divisions.empty')} />
            ) : matches && matches.length === 0 ? (
              <EmptyState title={t('divisions.noMatch', { q })} />
            ) : (
              <DivisionTree
                index={index}
                matches={matches}
                selected={selected}
                onSelect={setSelected}
                expanded={expanded}
                onExpand={setExpanded}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={15} xl={16}>
          <Card title={tableTitle} size="small" extra={t('common.total', { total: rows.length })}>
            <Table<Division>
              rowKey="code"
              size="small"
              columns={columns}
              dataSource={rows}
              loading={loading}
              pagination={{ pageSize: 20, showSizeChanger: true, hideOnSinglePage: true }}
              locale={{ emptyText: <EmptyState title={emptyText} /> }}
              onRow={(row) => ({
                onClick: () => {
                  setSearch('');
                  setSelected(row.code);
                  setExpanded((prev) => [...new Set([...prev, ...expandedForMatches(index, [row]), row.code])]);
                },
                style: { cursor: 'pointer' },
              })}
              data-testid="division-table"
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
