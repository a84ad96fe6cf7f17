import { Alert, Card, Flex, Segmented, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { seg } from '../../../api/client.js';
import type { EventType, IssueSeverity, SubmissionDetail, SubmissionIssue } from '../../../api/types.js';
import { DownloadButton } from '../../../components/download-button.js';
import { EmptyState } from '../../../components/empty-state.js';
import { ErrorState } from '../../../components/error-state.js';
import { QueryErrorAlert } from '../../../components/query-error-alert.js';
import { usePagedQuery } from '../../../hooks/use-paged-query.js';
import { findField } from '../use-catalog.js';
import { useExchangeLabels } from '../use-exchange-labels.js';

type SeverityFilter = 'all' | IssueSeverity;

// The row column already says which row; a message may still start with it.
const ROW_PREFIX = /^(第\s*\d+\s*行[：:，,\s]*|row\s+\d+\s*[:,]\s*)/i;

function withoutRowPrefix(message: string): string {
  return message.replace(ROW_PREFIX, '');
}

/** The base name of the uploaded file, for naming the error-rows download. */
function errorFileName(submission: SubmissionDetail, format: 'xlsx' | 'csv'): string {
  const base = (submission.filename ?? submission.type).replace(/\.[^.]+$/, '');
  return `${base}-errors.${format}`;
}

/** Per-row errors and warnings of a finished submission, paged from the server, with the error-rows downloads. */
export function ReportIssues({ submission, type }: { submission: SubmissionDetail; type: EventType | undefined }) {
  const { t } = useTranslation();
  const labels = useExchangeLabels();
  const [severity, setSeverity] = useState<SeverityFilter>('all');
  const { data, error, loading, reload, pagination } = usePagedQuery<SubmissionIssue>(
    `/api/v1/submissions/${seg(submission.id)}/issues`,
    { severity: severity === 'all' ? undefined : severity },
  );
  const showErrorFiles = submission.rejected > 0;

  const columns: TableColumnsType<SubmissionIssue> = [
    { title: t('exchange.report.row'), dataIndex: 'row', width: 80, render: (row: number) => (row > 0 ? row : '—') },
    {
      title: t('exchange.report.severity'),
      dataIndex: 'severity',
      width: 80,
      render: (s: string) => (
        <Tag color={s === 'error' ? 'red' : 'orange'}>
          {t(`exchange.severities.${s === 'error' ? 'error' : 'warning'}`)}
        </Tag>
      ),
    },
    {
      title: t('exchange.report.code'),
      dataIndex: 'code',
      width: 170,
      render: (code: string) => (
        <Typography.Text code style={{ fontSize: 12 }}>
          {code}
        </Typography.Text>
      ),
    },
    {
      title: t('exchange.report.field'),
      dataIndex: 'field',
      width: 170,
      render: (key: string | null) => {
        if (!key) return '—';
        const field = findField(type, key);
        return field ? (
          <Flex vertical>
            <span>{labels.field(field)}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {key}
            </Typography.Text>
          </Flex>
        ) : (
          <code>{key}</code>
        );
      },
    },
    {
      title: t('exchange.report.value'),
      dataIndex: 'value',
      width: 170,
      ellipsis: true,
      render: (value: string | null) =>
        value === null || value === '' ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Typography.Text style={{ fontFamily: 'monospace' }} title={value}>
            {value}
          </Typography.Text>
        ),
    },
    {
      title: t('exchange.report.message'),
      key: 'message',
      render: (_, issue) => withoutRowPrefix(labels.pick(issue.messageZh, issue.message)),
    },
  ];

  return (
    <Card
      title={
        <Flex gap={8} align="baseline">
          <span>{t('exchange.report.issues')}</span>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
            {t('exchange.report.issuesCount', { count: submission.issueCount })}
          </Typography.Text>
        </Flex>
      }
      extra={
        showErrorFiles && (
          <Flex gap={8} wrap>
            {(['xlsx', 'csv'] as const).map((format) => (
              <DownloadButton
                key={format}
                url={`/api/v1/submissions/${seg(submission.id)}/errors.${format}`}
                fallbackName={errorFileName(submission, format)}
                testId={`report-errors-${format}`}
                type={format === 'xlsx' ? 'primary' : 'default'}
              >
                {t(format === 'xlsx' ? 'exchange.report.errorsXlsx' : 'exchange.report.errorsCsv')}
              </DownloadButton>
            ))}
          </Flex>
        )
      }
    >
      {showErrorFiles && (
        <Alert
          type="info"
          showIcon
          title={t(
            submission.status === 'committed' ? 'exchange.report.errorsHint' : 'exchange.report.errorsHintWhole',
          )}
          style={{ marginBottom: 16 }}
        />
      )}
      <Segmented<SeverityFilter>
        value={severity}
        onChange={setSeverity}
        options={[
          { value: 'all', label: t('exchange.report.issuesAll') },
          { value: 'error', label: t('exchange.severities.error') },
          { value: 'warning', label: t('exchange.severities.warning') },
        ]}
        style={{ marginBottom: 16 }}
        data-testid="report-issues-severity"
      />
      {error !== null && data && <QueryErrorAlert error={error} onRetry={reload} />}
      {error !== null && !data ? (
        <ErrorState error={error} onRetry={reload} />
      ) : (
        <Table<SubmissionIssue>
          rowKey={(issue) => `${issue.row}-${issue.code}-${issue.field ?? ''}-${issue.severity}-${issue.message}`}
          size="small"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={loading}
          pagination={pagination}
          scroll={{ x: 960 }}
          locale={{ emptyText: <EmptyState title={t('exchange.report.issuesEmpty')} /> }}
          data-testid="report-issues"
        />
      )}
    </Card>
  );
}
