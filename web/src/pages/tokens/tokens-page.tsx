import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Select, Table, Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/api-error.js';
import { api, seg } from '../../api/client.js';
import type { ApiToken, TokenStatus } from '../../api/types.js';
import { useSession } from '../../auth/session-context.js';
import { ConfirmAction } from '../../components/confirm-action.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorState } from '../../components/error-state.js';
import { OrgSelect } from '../../components/org-select.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryErrorAlert } from '../../components/query-error-alert.js';
import { SecretModal } from '../../components/secret-modal.js';
import { formatDateTime } from '../../format/format-date-time.js';
import { usePagedQuery } from '../../hooks/use-paged-query.js';
import { TokenCreateModal } from './token-create-modal.js';

const STATUS_COLORS: Record<TokenStatus, string> = { active: 'green', expired: 'orange', revoked: 'red' };
const STATUSES: readonly TokenStatus[] = ['active', 'expired', 'revoked'];

type Dialog = { kind: 'create' } | { kind: 'secret'; name: string; token: string } | null;

/** `/admin/tokens`: list API tokens, issue one (shown once), revoke one. */
export function TokensPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const canWrite = can('token.write');
  const [org, setOrg] = useState<string | undefined>();
  const [status, setStatus] = useState<TokenStatus | undefined>();
  const { data, error, loading, reload, pagination } = usePagedQuery<ApiToken>('/api/v1/tokens', { org, status });
  const [dialog, setDialog] = useState<Dialog>(null);

  const revoke = async (token: ApiToken) => {
    try {
      await api.post<ApiToken>(`/api/v1/tokens/${seg(token.id)}/revoke`);
      void message.success(t('tokens.revoked', { name: token.name }));
      reload();
    } catch (err) {
      void message.error(describeError(err));
    }
  };

  const columns: TableColumnsType<ApiToken> = [
    { title: t('tokens.name'), dataIndex: 'name' },
    {
      title: t('tokens.org'),
      dataIndex: 'orgName',
      render: (v: string | null, row) => (
        <Tooltip title={row.orgCode}>
          <span>{v || row.orgCode}</span>
        </Tooltip>
      ),
    },
    { title: t('tokens.prefix'), dataIndex: 'prefix', render: (v: string) => <code>{v}…</code> },
    {
      title: t('tokens.created'),
      dataIndex: 'createdAt',
      width: 150,
      render: (v: string, row) =>
        row.createdBy ? (
          <Tooltip title={`${t('tokens.createdBy')}: ${row.createdBy}`}>{formatDateTime(v)}</Tooltip>
        ) : (
          formatDateTime(v)
        ),
    },
    { title: t('tokens.expires'), dataIndex: 'expiresAt', width: 150, render: (v: string | null) => formatDateTime(v) },
    {
      title: t('tokens.lastUsed'),
      dataIndex: 'lastUsedAt',
      width: 150,
      render: (v: string | null) => formatDateTime(v, t('common.never')),
    },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 100,
      render: (v: TokenStatus, row) => (
        <Tooltip title={row.revokedAt ? formatDateTime(row.revokedAt) : undefined}>
          <Tag color={STATUS_COLORS[v] ?? 'default'} data-testid={`token-row-status-${row.id}`}>
            {STATUSES.includes(v) ? t(`tokens.status.${v}`) : v}
          </Tag>
        </Tooltip>
      ),
    },
  ];
  if (canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      fixed: 'right',
      render: (_, row) =>
        row.status === 'active' && (
          <ConfirmAction
            title={t('tokens.revokeTitle')}
            description={t('tokens.confirmRevoke', { name: row.name })}
            onConfirm={() => revoke(row)}
            okText={t('tokens.revoke')}
            danger
            okTestId="token-revoke-confirm"
          >
            <Button type="link" size="small" danger data-testid={`token-row-revoke-${row.id}`}>
              {t('tokens.revoke')}
            </Button>
          </ConfirmAction>
        ),
    });
  }

  return (
    <>
      <PageHeader
        title={t('tokens.title')}
        subtitle={t('tokens.subtitle')}
        extra={
          canWrite && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDialog({ kind: 'create' })}
              data-testid="token-create"
            >
              {t('tokens.create')}
            </Button>
          )
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          {can('org.read') && (
            <OrgSelect
              allowClear
              value={org}
              onChange={setOrg}
              placeholder={t('tokens.org')}
              style={{ width: 260 }}
              testId="token-filter-org"
            />
          )}
          <Select
            allowClear
            value={status}
            onChange={setStatus}
            placeholder={t('tokens.statusFilter')}
            options={STATUSES.map((s) => ({ value: s, label: t(`tokens.status.${s}`) }))}
            style={{ width: 160 }}
            data-testid="token-filter-status"
          />
        </Flex>
        {error !== null && data && <QueryErrorAlert error={error} onRetry={reload} />}
        {error !== null && !data ? (
          <ErrorState error={error} onRetry={reload} />
        ) : (
          <Table<ApiToken>
            rowKey={(row) => String(row.id)}
            columns={columns}
            dataSource={data?.items ?? []}
            loading={loading}
            pagination={pagination}
            scroll={{ x: 1000 }}
            locale={{
              emptyText: <EmptyState title={t('tokens.empty')} hint={canWrite ? t('tokens.emptyHint') : undefined} />,
            }}
            data-testid="token-table"
          />
        )}
      </Card>
      {dialog?.kind === 'create' && (
        <TokenCreateModal
          onClose={() => setDialog(null)}
          onCreated={({ token, item }) => {
            setDialog({ kind: 'secret', name: item.name, token });
            reload();
          }}
        />
      )}
      {dialog?.kind === 'secret' && (
        <SecretModal
          open
          title={t('tokens.secretTitle', { name: dialog.name })}
          secret={dialog.token}
          warning={t('tokens.secretOnce')}
          onClose={() => setDialog(null)}
        />
      )}
    </>
  );
}
