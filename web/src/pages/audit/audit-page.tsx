import { Card, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../api/types.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorState } from '../../components/error-state.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryErrorAlert } from '../../components/query-error-alert.js';
import { formatDateTimeSeconds } from '../../format/format-date-time.js';
import { usePagedQuery } from '../../hooks/use-paged-query.js';
import { useLabels } from '../../i18n/use-labels.js';
import { useAuditActionLabel } from './audit-actions.js';
import { AuditEntryDetails } from './audit-entry-details.js';
import { AuditFilters } from './audit-filters.js';
import type { AuditFilterValues } from './audit-filters.js';
import { AuditResultTag } from './audit-result-tag.js';
import { AuditVerifyButton, AuditVerifyOutcome, useAuditVerify } from './audit-verify.js';

/** `/audit`: the hash-chained audit log, newest first, with filters and chain verification. */
export function AuditPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const actionLabel = useAuditActionLabel();
  const [filters, setFilters] = useState<AuditFilterValues>({});
  const { data, error, loading, reload, pagination } = usePagedQuery<AuditEntry>('/api/v1/audit', { ...filters });
  const verify = useAuditVerify();

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.seq'), dataIndex: 'seq', width: 80 },
    { title: t('audit.at'), dataIndex: 'at', width: 170, render: (v: string) => formatDateTimeSeconds(v) },
    {
      title: t('audit.actor'),
      dataIndex: 'actor',
      render: (v: string | null, row) => (
        <Tooltip title={labels.role(row.actorRole) || undefined}>
          <span>{v || '—'}</span>
        </Tooltip>
      ),
    },
    { title: t('audit.org'), dataIndex: 'orgCode', render: (v: string | null) => v || '—' },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      render: (v: string, row) => {
        const label = actionLabel(v);
        return label ? (
          <Tooltip title={<code>{v}</code>}>
            <span data-testid={`audit-action-${row.seq}`}>{label}</span>
          </Tooltip>
        ) : (
          <code data-testid={`audit-action-${row.seq}`}>{v}</code>
        );
      },
    },
    {
      title: t('audit.target'),
      key: 'target',
      render: (_, row) =>
        row.targetType ? (
          <span>
            {row.targetType}
            {row.targetIds?.length ? (
              <Typography.Text type="secondary">
                {' '}
                · {t('audit.targetCount', { count: row.targetIds.length })}
              </Typography.Text>
            ) : null}
          </span>
        ) : (
          '—'
        ),
    },
    { title: t('audit.result'), dataIndex: 'result', width: 90, render: (v: string) => <AuditResultTag result={v} /> },
    { title: t('audit.ip'), dataIndex: 'ip', width: 130, render: (v: string | null) => v || '—' },
  ];

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        subtitle={t('audit.subtitle')}
        extra={<AuditVerifyButton running={verify.state.status === 'running'} onClick={() => void verify.run()} />}
      />
      <AuditVerifyOutcome state={verify.state} onClose={verify.dismiss} />
      <Card>
        <AuditFilters value={filters} onChange={setFilters} />
        {error !== null && data && <QueryErrorAlert error={error} onRetry={reload} />}
        {error !== null && !data ? (
          <ErrorState error={error} onRetry={reload} />
        ) : (
          <Table<AuditEntry>
            rowKey="seq"
            size="middle"
            columns={columns}
            dataSource={data?.items ?? []}
            loading={loading}
            pagination={pagination}
            scroll={{ x: 1000 }}
            expandable={{ expandedRowRender: (entry) => <AuditEntryDetails entry={entry} /> }}
            locale={{ emptyText: <EmptyState title={t('audit.empty')} hint={t('audit.emptyHint')} /> }}
            data-testid="audit-table"
          />
        )}
      </Card>
    </>
  );
}
