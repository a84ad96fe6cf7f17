import { CloudUploadOutlined, SyncOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { Org, Page, Submission } from '../../../api/types.js';
import { useSession, useSignedIn } from '../../../auth/session-context.js';
import { EmptyState } from '../../../components/empty-state.js';
import { ErrorState } from '../../../components/error-state.js';
import { PageHeader } from '../../../components/page-header.js';
import { QueryErrorAlert } from '../../../components/query-error-alert.js';
import { formatDateTimeSeconds } from '../../../format/format-date-time.js';
import { useApiQuery } from '../../../hooks/use-api-query.js';
import { usePagedQuery } from '../../../hooks/use-paged-query.js';
import { SubmissionStatusTag } from '../submission-status-tag.js';
import { useCatalog } from '../use-catalog.js';
import { useExchangeLabels } from '../use-exchange-labels.js';
import { SubmissionFilters } from './submission-filters.js';
import type { SubmissionFilterValues } from './submission-filters.js';

/** While a listed submission is processing, the list is asked again this often. */
const LIST_REFRESH_MS = 3000;
const ORG_NAMES_PAGE_SIZE = 200;

function count(value: number, color?: string) {
  return value > 0 && color ? <Typography.Text style={{ color }}>{value}</Typography.Text> : value;
}

/** `/exchange/submissions`: every submission the user may see, newest first; a row opens its report. */
export function SubmissionsPage() {
  const { t } = useTranslation();
  const labels = useExchangeLabels();
  const navigate = useNavigate();
  const { can } = useSession();
  const session = useSignedIn();
  const districtWide = can('org.read') && session.user.org.type === 'bureau';
  const catalog = useCatalog();
  const [filters, setFilters] = useState<SubmissionFilterValues>({});
  const { data, error, loading, reload, pagination } = usePagedQuery<Submission>('/api/v1/submissions', { ...filters });
  const orgs = useApiQuery<Page<Org>>(districtWide ? '/api/v1/orgs' : null, { pageSize: ORG_NAMES_PAGE_SIZE });
  const orgNames = new Map((orgs.data?.items ?? []).map((org) => [org.code, org.name]));
  orgNames.set(session.user.org.code, session.user.org.name);

  // Refresh quietly (no table spinner) while something listed is still processing.
  const anyProcessing = (data?.items ?? []).some((s) => s.status === 'processing');
  const [quiet, setQuiet] = useState(false);
  useEffect(() => {
    if (!anyProcessing || loading) return;
    const timer = window.setTimeout(() => {
      setQuiet(true);
      reload();
    }, LIST_REFRESH_MS);
    return () => window.clearTimeout(timer);
  }, [anyProcessing, loading, reload, data]);
  const wasLoading = useRef(loading);
  useEffect(() => {
    if (wasLoading.current && !loading) setQuiet(false);
    wasLoading.current = loading;
  }, [loading]);

  const filtered = Object.values(filters).some((v) => v !== undefined && v !== '');

  const columns: TableColumnsType<Submission> = [
    {
      title: t('exchange.submissions.receivedAt'),
      dataIndex: 'receivedAt',
      width: 180,
      render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTimeSeconds(v)}</span>,
    },
    ...(districtWide
      ? [
          {
            title: t('exchange.submissions.org'),
            dataIndex: 'orgCode',
            width: 200,
            render: (code: string, row: Submission) => {
              const name = row.orgName ?? orgNames.get(code);
              return name ? (
                <Tooltip title={code}>
                  <span>{name}</span>
                </Tooltip>
              ) : (
                <code>{code}</code>
              );
            },
          },
        ]
      : []),
    {
      title: t('exchange.submissions.type'),
      dataIndex: 'type',
      width: 190,
      render: (type: string) => (
        <Flex vertical>
          <span>{labels.typeKey(catalog.data, type)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {type}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('exchange.submissions.filename'),
      dataIndex: 'filename',
      ellipsis: true,
      render: (name: string | null, row) =>
        name ? (
          <Tooltip title={name}>
            <span>{name}</span>
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">{labels.channel(row.channel)}</Typography.Text>
        ),
    },
    {
      title: t('exchange.submissions.status'),
      dataIndex: 'status',
      width: 110,
      render: (status: string, row) => <SubmissionStatusTag status={status} testId={`submissions-status-${row.id}`} />,
    },
    { title: t('exchange.submissions.received'), dataIndex: 'received', width: 80, align: 'right' },
    {
      title: t('exchange.submissions.accepted'),
      dataIndex: 'accepted',
      width: 80,
      align: 'right',
      render: (v: number) => count(v, '#389e0d'),
    },
    {
      title: t('exchange.submissions.rejected'),
      dataIndex: 'rejected',
      width: 80,
      align: 'right',
      render: (v: number) => count(v, '#cf1322'),
    },
    {
      title: t('exchange.submissions.warnings'),
      dataIndex: 'warnings',
      width: 80,
      align: 'right',
      render: (v: number) => count(v, '#d46b08'),
    },
  ];

  const open = (row: Submission) => void navigate(`/exchange/submissions/${encodeURIComponent(row.id)}`);
  const uploadButton = can('submission.create') && (
    <Link to="/exchange/upload">
      <Button type="primary" icon={<CloudUploadOutlined />} data-testid="submissions-upload">
        {t('exchange.submissions.upload')}
      </Button>
    </Link>
  );

  return (
    <>
      <PageHeader
        title={t('exchange.submissions.title')}
        subtitle={t(districtWide ? 'exchange.submissions.subtitleAll' : 'exchange.submissions.subtitleOwn')}
        extra={uploadButton}
      />
      <Card>
        <SubmissionFilters value={filters} onChange={setFilters} catalog={catalog.data} showOrg={districtWide} />
        {anyProcessing && (
          <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 12 }}>
            <SyncOutlined spin /> {t('exchange.submissions.autoRefresh')}
          </Typography.Text>
        )}
        {error !== null && data && <QueryErrorAlert error={error} onRetry={reload} />}
        {error !== null && !data ? (
          <ErrorState error={error} onRetry={reload} />
        ) : (
          <Table<Submission>
            rowKey="id"
            columns={columns}
            dataSource={data?.items ?? []}
            loading={loading && !quiet}
            pagination={pagination}
            scroll={{ x: 1100 }}
            onRow={(row) =>
              ({
                onClick: () => open(row),
                onKeyDown: (e) => {
                  if (e.key === 'Enter') open(row);
                },
                tabIndex: 0,
                style: { cursor: 'pointer' },
                'data-testid': `submissions-row-${row.id}`,
              }) as HTMLAttributes<HTMLElement>
            }
            locale={{
              emptyText: filtered ? (
                <EmptyState
                  title={t('exchange.submissions.emptyFiltered')}
                  hint={t('exchange.submissions.emptyFilteredHint')}
                />
              ) : (
                <EmptyState
                  title={t('exchange.submissions.empty')}
                  hint={t('exchange.submissions.emptyHint')}
                  action={uploadButton}
                />
              ),
            }}
            data-testid="submissions-table"
          />
        )}
      </Card>
    </>
  );
}
