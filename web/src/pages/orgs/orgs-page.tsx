import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/api-error.js';
import { api, seg } from '../../api/client.js';
import type { Org } from '../../api/types.js';
import { useSession } from '../../auth/session-context.js';
import { ConfirmAction } from '../../components/confirm-action.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorState } from '../../components/error-state.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryErrorAlert } from '../../components/query-error-alert.js';
import { formatDateTime } from '../../format/format-date-time.js';
import { usePagedQuery } from '../../hooks/use-paged-query.js';
import { ORG_TYPES, useLabels } from '../../i18n/use-labels.js';
import { OrgFormModal } from './org-form-modal.js';

type Editing = { mode: 'create' } | { mode: 'edit'; org: Org } | null;

/** `/admin/orgs`: list, filter, create, edit, activate and deactivate organisations. */
export function OrgsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useLabels();
  const { can } = useSession();
  const canWrite = can('org.write');
  const [type, setType] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const { data, error, loading, reload, pagination } = usePagedQuery<Org>('/api/v1/orgs', { type, q });
  const [editing, setEditing] = useState<Editing>(null);

  const setActive = async (org: Org, active: boolean) => {
    try {
      await api.patch<Org>(`/api/v1/orgs/${seg(org.code)}`, { active });
      void message.success(t(active ? 'orgs.activated' : 'orgs.deactivated', { name: org.name }));
      reload();
    } catch (err) {
      void message.error(describeError(err));
    }
  };

  const columns: TableColumnsType<Org> = [
    { title: t('orgs.code'), dataIndex: 'code', width: 130, render: (code: string) => <code>{code}</code> },
    { title: t('orgs.name'), dataIndex: 'name', width: 220 },
    { title: t('orgs.type'), dataIndex: 'type', width: 150, render: (v: string) => labels.orgType(v) },
    { title: t('orgs.parent'), dataIndex: 'parentName', width: 200, render: (v: string | null) => v || '—' },
    {
      title: t('orgs.divisions'),
      dataIndex: 'divisions',
      width: 110,
      render: (codes: string[]) =>
        codes.length === 0 ? (
          '—'
        ) : codes.length === 1 && codes[0]!.endsWith('000000') ? (
          t('home.jurisdictionDistrict')
        ) : (
          <Tooltip title={codes.join('、')}>
            <span>{t('orgs.divisionsCount', { count: codes.length })}</span>
          </Tooltip>
        ),
    },
    {
      title: t('orgs.liaison'),
      key: 'liaison',
      width: 150,
      render: (_, org) =>
        org.liaisonName || org.liaisonPhone ? (
          <Flex vertical>
            <span>{org.liaisonName || '—'}</span>
            <Typography.Text type="secondary">{org.liaisonPhone}</Typography.Text>
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('common.notSet')}</Typography.Text>
        ),
    },
    {
      title: t('common.status'),
      dataIndex: 'active',
      width: 90,
      render: (active: boolean) => (
        <Tag color={active ? 'green' : 'default'}>{t(active ? 'common.active' : 'common.inactive')}</Tag>
      ),
    },
    { title: t('common.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
  ];
  if (canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 140,
      fixed: 'right',
      render: (_, org) => (
        <Space size={4}>
          <Button
            type="link"
            size="small"
            onClick={() => setEditing({ mode: 'edit', org })}
            data-testid={`org-row-edit-${org.code}`}
          >
            {t('common.edit')}
          </Button>
          <ConfirmAction
            title={t(org.active ? 'orgs.deactivateTitle' : 'orgs.activateTitle')}
            description={t(org.active ? 'orgs.confirmDeactivate' : 'orgs.confirmActivate', { name: org.name })}
            onConfirm={() => setActive(org, !org.active)}
            okText={t(org.active ? 'common.deactivate' : 'common.activate')}
            danger={org.active}
            okTestId="org-toggle-confirm"
          >
            <Button type="link" size="small" danger={org.active} data-testid={`org-row-toggle-${org.code}`}>
              {t(org.active ? 'common.deactivate' : 'common.activate')}
            </Button>
          </ConfirmAction>
        </Space>
      ),
    });
  }

  return (
    <>
      <PageHeader
        title={t('orgs.title')}
        subtitle={t('orgs.subtitle')}
        extra={
          canWrite && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing({ mode: 'create' })}
              data-testid="org-create"
            >
              {t('orgs.create')}
            </Button>
          )
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Select
            allowClear
            placeholder={t('orgs.typeFilter')}
            value={type}
            onChange={setType}
            options={ORG_TYPES.map((value) => ({ value, label: labels.orgType(value) }))}
            style={{ width: 200 }}
            data-testid="org-filter-type"
          />
          <Input.Search
            allowClear
            placeholder={t('orgs.searchPlaceholder')}
            onSearch={(value) => setQ(value.trim())}
            style={{ width: 280 }}
            data-testid="org-filter-q"
          />
        </Flex>
        {error !== null && data && <QueryErrorAlert error={error} onRetry={reload} />}
        {error !== null && !data ? (
          <ErrorState error={error} onRetry={reload} />
        ) : (
          <Table<Org>
            rowKey="code"
            columns={columns}
            dataSource={data?.items ?? []}
            loading={loading}
            pagination={pagination}
            scroll={{ x: 1350 }}
            locale={{ emptyText: <EmptyState title={t('orgs.empty')} hint={t('orgs.emptyHint')} /> }}
            data-testid="org-table"
          />
        )}
      </Card>
      {editing && (
        <OrgFormModal
          org={editing.mode === 'edit' ? editing.org : null}
          onClose={() => setEditing(null)}
          onSaved={(org) => {
            setEditing(null);
            void message.success(
              t(editing.mode === 'edit' ? 'common.savedName' : 'common.createdName', { name: org.name }),
            );
            reload();
          }}
        />
      )}
    </>
  );
}
