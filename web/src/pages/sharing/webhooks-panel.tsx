import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Flex, Form, Input, Modal, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, isApiError } from '../../api/api-error.js';
import { api, seg } from '../../api/client.js';
import type { Agreement, Page, Webhook } from '../../api/types.js';
import { useSession } from '../../auth/session-context.js';
import { ConfirmAction } from '../../components/confirm-action.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorState } from '../../components/error-state.js';
import { SecretModal } from '../../components/secret-modal.js';
import { formatDateTime } from '../../format/format-date-time.js';
import { useApiQuery } from '../../hooks/use-api-query.js';
import { WebhookDeliveriesDrawer } from './webhook-deliveries-drawer.js';

const WEBHOOKS_PAGE_SIZE = 200;
const URL_PATTERN = /^https?:\/\/\S+$/i;

type Dialog = { kind: 'add' } | { kind: 'secret'; secret: string } | { kind: 'deliveries'; webhook: Webhook } | null;

/**
 * An agreement's webhook endpoints: add (secret shown once), switch on/off, rotate the secret,
 * deliveries. The bureau (who decides agreements) may also allow a private or loopback target,
 * on a new endpoint or an existing one; the server refuses that to anyone else.
 */
export function WebhooksPanel({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const bureau = can('agreement.decide');
  const [dialog, setDialog] = useState<Dialog>(null);
  const { data, error, loading, reload } = useApiQuery<Page<Webhook>>('/api/v1/webhooks', {
    pageSize: WEBHOOKS_PAGE_SIZE,
  });
  const items = (data?.items ?? []).filter((w) => w.agreementId === agreement.id);

  const act = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (err) {
      void message.error(describeError(err));
    }
  };
  const toggle = (row: Webhook, active: boolean) =>
    act(async () => {
      await api.patch(`/api/v1/webhooks/${seg(row.id)}`, { active });
      reload();
    });
  const setAllowPrivate = (row: Webhook, allowPrivate: boolean) =>
    act(async () => {
      await api.patch(`/api/v1/webhooks/${seg(row.id)}`, { allowPrivate });
      void message.success(allowPrivate ? t('sharing.webhooks.privateAllowed') : t('sharing.webhooks.privateWithdrawn'));
      reload();
    });
  const rotate = (row: Webhook) =>
    act(async () => {
      const { secret } = await api.post<{ secret: string }>(`/api/v1/webhooks/${seg(row.id)}/rotate-secret`);
      setDialog({ kind: 'secret', secret });
    });

  if (error !== null && !data) {
    return isApiError(error) && error.status === 404 ? (
      <Alert type="info" showIcon title={t('sharing.webhooks.notAvailable')} data-testid="webhooks-unavailable" />
    ) : (
      <ErrorState error={error} onRetry={reload} />
    );
  }

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="flex-start" gap={12} wrap>
        <Typography.Text type="secondary" style={{ maxWidth: 720 }}>
          {t('sharing.webhooks.hint')}
        </Typography.Text>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setDialog({ kind: 'add' })}
          data-testid="webhook-add"
        >
          {t('sharing.webhooks.add')}
        </Button>
      </Flex>
      <Table<Webhook>
        rowKey="id"
        size="small"
        loading={loading}
        pagination={false}
        dataSource={items}
        scroll={{ x: 860 }}
        columns={[
          {
            title: t('sharing.webhooks.url'),
            dataIndex: 'url',
            ellipsis: true,
            render: (url: string, row) => (
              <Space size={6}>
                <code>{url}</code>
                {row.allowPrivate && (
                  <Tooltip title={t('sharing.webhooks.privateTagHint')}>
                    <Tag color="orange" data-testid={`webhook-row-private-${row.id}`}>
                      {t('sharing.webhooks.privateTag')}
                    </Tag>
                  </Tooltip>
                )}
              </Space>
            ),
          },
          {
            title: t('sharing.webhooks.status'),
            dataIndex: 'active',
            width: 200,
            render: (active: boolean, row) => (
              <Space>
                <Switch
                  size="small"
                  checked={active}
                  onChange={(on) => void toggle(row, on)}
                  data-testid={`webhook-row-toggle-${row.id}`}
                />
                {active ? (
                  <Tag color="green">{t('sharing.webhooks.active')}</Tag>
                ) : (
                  <Tooltip
                    title={
                      row.disabledReason
                        ? t('sharing.webhooks.disabledReason', { reason: row.disabledReason })
                        : undefined
                    }
                  >
                    <Tag>{t('sharing.webhooks.inactive')}</Tag>
                  </Tooltip>
                )}
              </Space>
            ),
          },
          { title: t('sharing.webhooks.notified'), dataIndex: 'notifiedSeq', width: 110, align: 'right' },
          {
            title: t('sharing.webhooks.createdAt'),
            dataIndex: 'createdAt',
            width: 150,
            render: (v: string) => formatDateTime(v),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: bureau ? 320 : 220,
            render: (_: unknown, row) => (
              <Space size={4}>
                {bureau && (
                  <ConfirmAction
                    title={row.allowPrivate ? t('sharing.webhooks.withdrawPrivate') : t('sharing.webhooks.allowPrivate')}
                    description={
                      row.allowPrivate ? t('sharing.webhooks.withdrawPrivateConfirm') : t('sharing.webhooks.allowPrivateConfirm')
                    }
                    onConfirm={() => setAllowPrivate(row, !row.allowPrivate)}
                    okText={row.allowPrivate ? t('sharing.webhooks.withdrawPrivate') : t('sharing.webhooks.allowPrivate')}
                    danger={!row.allowPrivate}
                    okTestId="webhook-private-confirm"
                  >
                    <Button size="small" type="link" data-testid={`webhook-row-private-toggle-${row.id}`}>
                      {row.allowPrivate ? t('sharing.webhooks.withdrawPrivate') : t('sharing.webhooks.allowPrivate')}
                    </Button>
                  </ConfirmAction>
                )}
                <Button
                  size="small"
                  type="link"
                  onClick={() => setDialog({ kind: 'deliveries', webhook: row })}
                  data-testid={`webhook-row-deliveries-${row.id}`}
                >
                  {t('sharing.webhooks.deliveries')}
                </Button>
                <ConfirmAction
                  title={t('sharing.webhooks.rotate')}
                  description={t('sharing.webhooks.rotateConfirm')}
                  onConfirm={() => rotate(row)}
                  okText={t('sharing.webhooks.rotate')}
                  danger
                  okTestId="webhook-rotate-confirm"
                >
                  <Button size="small" type="link" danger data-testid={`webhook-row-rotate-${row.id}`}>
                    {t('sharing.webhooks.rotate')}
                  </Button>
                </ConfirmAction>
              </Space>
            ),
          },
        ]}
        locale={{
          emptyText: <EmptyState title={t('sharing.webhooks.empty')} hint={t('sharing.webhooks.emptyHint')} />,
        }}
        data-testid="webhook-table"
      />
      {dialog?.kind === 'add' && (
        <WebhookAddModal
          agreement={agreement}
          bureau={bureau}
          onClose={() => setDialog(null)}
          onCreated={(secret) => {
            void message.success(t('sharing.webhooks.created'));
            setDialog({ kind: 'secret', secret });
            reload();
          }}
        />
      )}
      {dialog?.kind === 'secret' && (
        <SecretModal
          open
          title={t('sharing.webhooks.secretTitle')}
          secret={dialog.secret}
          warning={t('sharing.webhooks.secretOnce')}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'deliveries' && (
        <WebhookDeliveriesDrawer webhook={dialog.webhook} onClose={() => setDialog(null)} />
      )}
    </Flex>
  );
}

interface WebhookForm {
  url: string;
  allowPrivate?: boolean;
}

function WebhookAddModal({
  agreement,
  bureau,
  onClose,
  onCreated,
}: {
  agreement: Agreement;
  bureau: boolean;
  onClose: () => void;
  onCreated: (secret: string) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<WebhookForm>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const onFinish = async ({ url, allowPrivate }: WebhookForm) => {
    setSaving(true);
    setError(null);
    try {
      const created = await api.post<Webhook & { secret: string }>('/api/v1/webhooks', {
        agreementId: agreement.id,
        url: url.trim(),
        ...(bureau && allowPrivate ? { allowPrivate: true } : {}),
      });
      onCreated(created.secret);
    } catch (err) {
      const field = isApiError(err) ? (err.details as { field?: unknown } | null)?.field : undefined;
      if (field === 'url') form.setFields([{ name: 'url', errors: [describeError(err)] }]);
      else setError(err);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={t('sharing.webhooks.add')}
      okText={t('common.create')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'webhook-form-ok' }}
      cancelButtonProps={{ 'data-testid': 'webhook-form-cancel' }}
      mask={{ closable: false }}
    >
      {error !== null && (
        <Alert
          type="error"
          showIcon
          title={describeError(error)}
          style={{ marginBottom: 16 }}
          data-testid="webhook-form-error"
        />
      )}
      <Form form={form} layout="vertical" onFinish={(v) => void onFinish(v)}>
        <Form.Item
          name="url"
          label={t('sharing.webhooks.url')}
          rules={[{ required: true, pattern: URL_PATTERN, message: t('sharing.webhooks.urlInvalid') }]}
        >
          <Input maxLength={500} placeholder={t('sharing.webhooks.urlPlaceholder')} data-testid="webhook-form-url" />
        </Form.Item>
        {bureau && (
          <Form.Item name="allowPrivate" valuePropName="checked" extra={t('sharing.webhooks.allowPrivateHint')}>
            <Checkbox data-testid="webhook-form-private">{t('sharing.webhooks.allowPrivateLabel')}</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
