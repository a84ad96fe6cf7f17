import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Select, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { Agreement, AgreementStatus } from '../../api/types.js';
import { useSession, useSignedIn } from '../../auth/session-context.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorState } from '../../components/error-state.js';
import { OrgSelect } from '../../components/org-select.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryErrorAlert } from '../../components/query-error-alert.js';
import { usePagedQuery } from '../../hooks/use-paged-query.js';
import { useCatalog } from '../exchange/use-catalog.js';
import { AgreementRequestDrawer } from './agreement-request-drawer.js';
import { AgreementTypesSummary, usePeriodLabel } from './agreement-scope-summary.js';
import { AgreementStatusTag } from './agreement-status-tag.js';
import { useSharingLabels } from './use-sharing-labels.js';

const STATUSES: readonly AgreementStatus[] = ['requested', 'approved', 'refused', 'suspended', 'revoked'];

interface AgreementFilters {
  status?: AgreementStatus;
  orgCode?: string;
}

/** `/sharing/agreements`: the bureau sees and decides every agreement; a department lists and requests its own. */
export function AgreementsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { can } = useSession();
  const session = useSignedIn();
  const labels = useSharingLabels();
  const periodLabel = usePeriodLabel();
  const catalog = useCatalog();
  const districtWide = can('org.read') && session.user.org.type === 'bureau';
  const [filters, setFilters] = useState<AgreementFilters>({});
  const [requesting, setRequesting] = useState(false);
  const { data, error, loading, reload, pagination } = usePagedQuery<Agreement>('/api/v1/agreements', { ...filters });
  const filtered = Object.values(filters).some((v) => v !== undefined && v !== '');
  const open = (row: Agreement) => void navigate(`/sharing/agreements/${encodeURIComponent(row.id)}`);

  const columns: TableColumnsType<Agreement> = [
    {
      title: t('sharing.agreements.name'),
      key: 'title',
      width: 250,
      render: (_: unknown, row) => (
        <Flex vertical>
          <Typography.Text strong data-testid={`agreements-row-title-${row.id}`}>
            {row.title}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <code>{row.id}</code>
          </Typography.Text>
        </Flex>
      ),
    },
    ...(districtWide
      ? [
          {
            title: t('sharing.agreements.org'),
            dataIndex: 'orgCode',
            width: 180,
            render: (code: string, row: Agreement) => (
              <Tooltip title={code}>
                <span>{row.orgName ?? code}</span>
              </Tooltip>
            ),
          },
        ]
      : []),
    {
      title: t('sharing.agreements.types'),
      key: 'types',
      width: 260,
      render: (_: unknown, row) => <AgreementTypesSummary scope={row} catalog={catalog.data} />,
    },
    {
      title: t('sharing.agreements.personFields'),
      dataIndex: 'personFields',
      width: 100,
      align: 'right',
      render: (fields: string[]) => (
        <Tooltip title={fields.map((f) => labels.personField(f)).join('、') || undefined}>
          <span>{fields.length}</span>
        </Tooltip>
      ),
    },
    {
      title: t('sharing.agreements.period'),
      key: 'period',
      width: 200,
      render: (_: unknown, row) => <span style={{ whiteSpace: 'nowrap' }}>{periodLabel(row)}</span>,
    },
    {
      title: t('sharing.agreements.status'),
      dataIndex: 'status',
      width: 120,
      render: (status: AgreementStatus, row) => (
        <Flex gap={4} align="center">
          <AgreementStatusTag status={status} testId={`agreements-row-status-${row.id}`} />
          {status === 'approved' && !row.current && (
            <Typography.Text type="warning" style={{ fontSize: 12 }}>
              {t('sharing.agreements.notCurrent')}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
  ];

  const requestButton = can('agreement.request') && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setRequesting(true)} data-testid="agreements-request">
      {t('sharing.agreements.request')}
    </Button>
  );

  return (
    <>
      <PageHeader
        title={t('sharing.agreements.title')}
        subtitle={t(districtWide ? 'sharing.agreements.subtitleAll' : 'sharing.agreements.subtitleOwn')}
        extra={requestButton}
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          {districtWide && (
            <OrgSelect
              allowClear
              value={filters.orgCode}
              onChange={(orgCode) => setFilters({ ...filters, orgCode })}
              placeholder={t('sharing.agreements.org')}
              style={{ width: 240 }}
              testId="agreements-filter-org"
            />
          )}
          <Select
            allowClear
            value={filters.status}
            onChange={(status: AgreementStatus | undefined) => setFilters({ ...filters, status })}
            placeholder={t('sharing.agreements.status')}
            options={STATUSES.map((s) => ({ value: s, label: labels.status(s) }))}
            style={{ width: 160 }}
            data-testid="agreements-filter-status"
          />
        </Flex>
        {error !== null && data && <QueryErrorAlert error={error} onRetry={reload} />}
        {error !== null && !data ? (
          <ErrorState error={error} onRetry={reload} />
        ) : (
          <Table<Agreement>
            rowKey="id"
            columns={columns}
            dataSource={data?.items ?? []}
            loading={loading}
            pagination={pagination}
            scroll={{ x: 1110 }}
            onRow={(row) =>
              ({
                onClick: () => open(row),
                onKeyDown: (e) => {
                  if (e.key === 'Enter') open(row);
                },
                tabIndex: 0,
                style: { cursor: 'pointer' },
                'data-testid': `agreements-row-${row.id}`,
              }) as HTMLAttributes<HTMLElement>
            }
            locale={{
              emptyText: filtered ? (
                <EmptyState
                  title={t('sharing.agreements.emptyFiltered')}
                  hint={t('sharing.agreements.emptyFilteredHint')}
                />
              ) : (
                <EmptyState
                  title={t('sharing.agreements.empty')}
                  hint={t(districtWide ? 'sharing.agreements.emptyHintAll' : 'sharing.agreements.emptyHintOwn')}
                  action={requestButton}
                />
              ),
            }}
            data-testid="agreements-table"
          />
        )}
      </Card>
      {requesting && (
        <AgreementRequestDrawer
          onClose={() => setRequesting(false)}
          onCreated={(agreement) => {
            setRequesting(false);
            void message.success(t('sharing.request.submitted', { id: agreement.id }));
            open({ ...agreement });
          }}
        />
      )}
    </>
  );
}
