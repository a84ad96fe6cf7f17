import { Alert, App, Button, Drawer, Grid, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/api-error.js';
import { api, seg } from '../../api/client.js';
import type { Webhook, WebhookAttempt, WebhookDelivery, WebhookDeliveryStatus } from '../../api/types.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorState } from '../../components/error-state.js';
import { formatDateTimeSeconds } from '../../format/format-date-time.js';
import { useApiQuery } from '../../hooks/use-api-query.js';
import { usePagedQuery } from '../../hooks/use-paged-query.js';
import { useSharingLabels } from './use-sharing-labels.js';

const DRAWER_WIDTH_PX = 920;
const STATUS_COLORS: Record<WebhookDeliveryStatus, string> = {
  pending: 'gold',
  delivered: 'green',
  failed: 'red',
  gone: 'default',
};

/** Deliveries to one endpoint, newest first; a row expands to its attempts and can be sent again. */
export function WebhookDeliveriesDrawer({ webhook, onClose }: { webhook: Webhook; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const labels = useSharingLabels();
  const { data, error, loading, reload, pagination } = usePagedQuery<WebhookDelivery>(
    `/api/v1/webhooks/${seg(webhook.id)}/deliveries`,
    {},
  );
  const redeliver = async (delivery: WebhookDelivery) => {
    try {
      await api.post(`/api/v1/webhook-deliveries/${seg(delivery.id)}/redeliver`);
      void message.success(t('sharing.webhooks.redelivered'));
      reload();
    } catch (err) {
      void message.error(describeError(err));
    }
  };
  return (
    <Drawer
      open
      onClose={onClose}
      size={screens.lg ? DRAWER_WIDTH_PX : '100%'}
      title={`${t('sharing.webhooks.deliveries')} · ${webhook.url}`}
      destroyOnHidden
    >
      {error !== null && !data ? (
        <ErrorState error={error} onRetry={reload} />
      ) : (
        <Table<WebhookDelivery>
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={data?.items ?? []}
          pagination={pagination}
          scroll={{ x: 820 }}
          expandable={{ expandedRowRender: (row) => <DeliveryAttempts deliveryId={row.id} /> }}
          columns={[
            { title: t('sharing.webhooks.uptoSeq'), dataIndex: 'uptoSeq', width: 90 },
            {
              title: t('sharing.webhooks.status'),
              dataIndex: 'status',
              width: 100,
              render: (s: WebhookDeliveryStatus, row) => (
                <Tag color={STATUS_COLORS[s]} data-testid={`delivery-status-${row.id}`} data-status={s}>
                  {labels.deliveryStatus(s)}
                </Tag>
              ),
            },
            { title: t('sharing.webhooks.attempts'), dataIndex: 'attempts', width: 80, align: 'right' },
            {
              title: t('sharing.webhooks.lastStatusCode'),
              dataIndex: 'lastStatusCode',
              width: 100,
              render: (c: number | null) => c ?? '—',
            },
            {
              title: t('sharing.webhooks.lastError'),
              dataIndex: 'lastError',
              ellipsis: true,
              render: (e: string | null) => e ?? '—',
            },
            {
              title: t('sharing.webhooks.nextAttemptAt'),
              dataIndex: 'nextAttemptAt',
              width: 170,
              render: (v: string | null) => formatDateTimeSeconds(v),
            },
            {
              title: t('sharing.webhooks.createdAt'),
              dataIndex: 'createdAt',
              width: 170,
              render: (v: string) => formatDateTimeSeconds(v),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 110,
              render: (_: unknown, row) => (
                <Button size="small" onClick={() => void redeliver(row)} data-testid={`delivery-redeliver-${row.id}`}>
                  {t('sharing.webhooks.redeliver')}
                </Button>
              ),
            },
          ]}
          locale={{ emptyText: <EmptyState title={t('sharing.webhooks.noDeliveries')} /> }}
          data-testid="webhook-deliveries"
        />
      )}
    </Drawer>
  );
}

function DeliveryAttempts({ deliveryId }: { deliveryId: string }) {
  const { t } = useTranslation();
  const { data, error, loading } = useApiQuery<{ items: WebhookAttempt[] }>(
    `/api/v1/webhook-deliveries/${seg(deliveryId)}/attempts`,
  );
  if (error !== null) return <Alert type="error" showIcon title={describeError(error)} />;
  return (
    <Table<WebhookAttempt>
      rowKey="attempt"
      size="small"
      loading={loading}
      pagination={false}
      dataSource={data?.items ?? []}
      columns={[
        { title: t('sharing.webhooks.attempt'), dataIndex: 'attempt', width: 80 },
        {
          title: t('sharing.webhooks.at'),
          dataIndex: 'at',
          width: 180,
          render: (v: string) => formatDateTimeSeconds(v),
        },
        {
          title: t('sharing.webhooks.statusCode'),
          dataIndex: 'statusCode',
          width: 100,
          render: (c: number | null) => c ?? '—',
        },
        {
          title: t('sharing.webhooks.durationMs'),
          dataIndex: 'durationMs',
          width: 110,
          render: (d: number | null) => d ?? '—',
        },
        {
          title: t('sharing.webhooks.error'),
          dataIndex: 'error',
          render: (e: string | null) => <Typography.Text type={e ? 'danger' : undefined}>{e ?? '—'}</Typography.Text>,
        },
      ]}
      data-testid={`delivery-attempts-${deliveryId}`}
    />
  );
}
