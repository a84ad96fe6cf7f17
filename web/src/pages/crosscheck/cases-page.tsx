import { Card, Checkbox, Select, Space, Table, Tag, TreeSelect, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { CaseStatus, CaseSummary, Division } from '../../api/types.js';
import { OrgSelect } from '../../components/org-select.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorState } from '../../components/error-state.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryErrorAlert } from '../../components/query-error-alert.js';
import { formatDateTime } from '../../format/format-date-time.js';
import { useApiQuery } from '../../hooks/use-api-query.js';
import { usePagedQuery } from '../../hooks/use-paged-query.js';
import { indexDivisions, type DivisionIndex } from '../divisions/division-index.js';
import { CaseStatusTag } from './case-status-tag.js';
import { useCrosscheckLabels, useCrosscheckRules } from './use-crosscheck-labels.js';

const STATUSES: readonly CaseStatus[] = ['open', 'in_progress', 'resolved', 'dismissed'];

/** Today as YYYY-MM-DD in the district (UTC+8), the day due dates count from. */
function todayInDistrict(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** A unit's or a division's name, with its code small beneath (the code alone when the name is unknown). */
function NameWithCode({ name, code, testId }: { name: string | null; code: string | null; testId: string }) {
  if (!code) return <>—</>;
  if (!name) return <code>{code}</code>;
  return (
    <Space orientation="vertical" size={0}>
      <Typography.Text data-testid={testId}>{name}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {code}
      </Typography.Text>
    </Space>
  );
}

/** `/crosscheck/cases`: the cases the user sees, filtered by rule and status (kept in the address); a row opens the case. */
export function CasesPage() {
  const { t } = useTranslation();
  const labels = useCrosscheckLabels();
  const navigate = useNavigate();
  const rules = useCrosscheckRules();
  const [params, setParams] = useSearchParams();
  const rule = params.get('rule') ?? undefined;
  const status = params.get('status') ?? undefined;
  const area = params.get('area') ?? undefined;
  const owner = params.get('owner') ?? undefined;
  const overdue = params.get('overdue') === 'true' ? true : undefined;
  const { data, error, loading, reload, pagination } = usePagedQuery<CaseSummary>('/api/v1/cases', {
    rule,
    status,
    area,
    owner,
    overdue,
  });
  const ruleText = (id: string) => labels.text(rules.data?.items.find((r) => r.id === id)?.description) ?? id;
  const setFilter = (key: 'rule' | 'status' | 'area' | 'owner' | 'overdue', value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const today = todayInDistrict();

  const columns: TableColumnsType<CaseSummary> = [
    {
      title: t('crosscheck.cases.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: CaseStatus) => <CaseStatusTag status={s} />,
    },
    {
      title: t('crosscheck.cases.summary'),
      key: 'summary',
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{labels.text(row.evidenceSummary)}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {rules.data ? ruleText(row.rule) : row.rule}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('crosscheck.cases.person'),
      key: 'person',
      width: 170,
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text data-testid={`case-person-name-${row.id}`}>{row.personName ?? `#${row.person_id}`}</Typography.Text>
          {row.personIdNumber && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.personIdNumber}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('crosscheck.cases.owner'),
      key: 'owner',
      width: 170,
      render: (_, row) => <NameWithCode name={row.ownerOrgName} code={row.ownerOrgCode} testId={`case-owner-${row.id}`} />,
    },
    {
      title: t('crosscheck.cases.division'),
      key: 'division',
      width: 150,
      render: (_, row) => <NameWithCode name={row.divisionName} code={row.divisionCode} testId={`case-division-${row.id}`} />,
    },
    {
      title: t('crosscheck.cases.due'),
      dataIndex: 'dueOn',
      width: 170,
      render: (v: string, row) => {
        const open = row.status === 'open' || row.status === 'in_progress';
        return open && (v < today || row.escalatedAt) ? (
          <Space size={4} wrap>
            {v}
            {v < today && <Tag color="red">{t('crosscheck.cases.overdue')}</Tag>}
            {row.escalatedAt && (
              <Tag color="volcano" title={t('crosscheck.cases.escalatedHint')} data-testid={`case-escalated-${row.id}`}>
                {t('crosscheck.cases.escalated')}
              </Tag>
            )}
          </Space>
        ) : (
          v
        );
      },
    },
    {
      title: t('crosscheck.cases.opened'),
      dataIndex: 'openedAt',
      width: 150,
      render: (v: string) => formatDateTime(v),
    },
  ];

  return (
    <>
      <PageHeader title={t('crosscheck.cases.title')} subtitle={t('crosscheck.cases.subtitle')} />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select
            allowClear
            placeholder={t('crosscheck.cases.allRules')}
            style={{ width: 360 }}
            value={rule}
            onChange={(v: string | undefined) => setFilter('rule', v)}
            options={(rules.data?.items ?? []).map((r) => ({ value: r.id, label: labels.text(r.description) }))}
            data-testid="cases-filter-rule"
          />
          <Select
            allowClear
            placeholder={t('crosscheck.cases.allStatuses')}
            style={{ width: 160 }}
            value={status}
            onChange={(v: string | undefined) => setFilter('status', v)}
            options={STATUSES.map((s) => ({ value: s, label: labels.status(s) }))}
            data-testid="cases-filter-status"
          />
          <AreaSelect value={area} onChange={(v) => setFilter('area', v)} />
          <OrgSelect
            allowClear
            value={owner ?? null}
            onChange={(v) => setFilter('owner', v)}
            placeholder={t('crosscheck.cases.allOwners')}
            style={{ width: 240 }}
            testId="cases-filter-owner"
          />
          <Checkbox
            checked={overdue === true}
            onChange={(e) => setFilter('overdue', e.target.checked ? 'true' : undefined)}
            data-testid="cases-filter-overdue"
          >
            {t('crosscheck.cases.overdueOnly')}
          </Checkbox>
        </Space>
        {error !== null && data && <QueryErrorAlert error={error} onRetry={reload} />}
        {error !== null && !data ? (
          <ErrorState error={error} onRetry={reload} />
        ) : (
          <Table<CaseSummary>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={data?.items ?? []}
            loading={loading}
            pagination={pagination}
            scroll={{ x: 900 }}
            onRow={(row) =>
              ({
                onClick: () => navigate(`/crosscheck/cases/${row.id}`),
                style: { cursor: 'pointer' },
                'data-testid': `cases-row-${row.id}`,
              }) as never
            }
            locale={{
              emptyText: <EmptyState title={t('crosscheck.cases.empty')} hint={t('crosscheck.cases.emptyHint')} />,
            }}
            data-testid="cases-table"
          />
        )}
      </Card>
    </>
  );
}

interface AreaOption {
  value: string;
  title: string;
  children?: AreaOption[];
}

function toOptions(index: DivisionIndex, parent: string | null): AreaOption[] {
  return (index.childrenOf.get(parent) ?? []).map((d) => {
    const children = toOptions(index, d.code);
    return { value: d.code, title: d.name, ...(children.length > 0 ? { children } : {}) };
  });
}

/** One area (a town with its villages, or a village) from the district tree, searchable by name or code. */
function AreaSelect({ value, onChange }: { value: string | undefined; onChange: (code: string | undefined) => void }) {
  const { t } = useTranslation();
  const { data, loading } = useApiQuery<{ items: Division[] }>('/api/v1/divisions');
  const treeData = useMemo(() => toOptions(indexDivisions(data?.items ?? []), null), [data]);
  return (
    <TreeSelect
      treeData={treeData}
      value={value}
      onChange={(code: string | undefined) => onChange(code)}
      loading={loading}
      showSearch={{
        filterTreeNode: (input, node) => {
          const needle = input.trim().toLowerCase();
          return String(node['title']).toLowerCase().includes(needle) || String(node.value).includes(needle);
        },
      }}
      allowClear
      placeholder={t('crosscheck.cases.allAreas')}
      style={{ width: 220 }}
      styles={{ popup: { root: { maxHeight: 400, overflow: 'auto' } } }}
      data-testid="cases-filter-area"
    />
  );
}
