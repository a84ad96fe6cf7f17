import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Input, Space, Table, Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/api-error.js';
import { api, seg } from '../../api/client.js';
import type { User } from '../../api/types.js';
import { useSession } from '../../auth/session-context.js';
import { ConfirmAction } from '../../components/confirm-action.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorState } from '../../components/error-state.js';
import { OrgSelect } from '../../components/org-select.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryErrorAlert } from '../../components/query-error-alert.js';
import { SecretModal } from '../../components/secret-modal.js';
import { formatDateTime, isInFuture } from '../../format/format-date-time.js';
import { usePagedQuery } from '../../hooks/use-paged-query.js';
import { useLabels } from '../../i18n/use-labels.js';
import { RoleSelect } from './role-select.js';
import { UserCreateModal } from './user-create-modal.js';
import { UserEditModal } from './user-edit-modal.js';

type Dialog =
  { kind: 'create' } | { kind: 'edit'; user: User } | { kind: 'secret'; title: string; secret: string } | null;

function userName(user: User): string {
  return user.displayName || user.username;
}

/** `/admin/users`: list and filter users; create, edit, unlock and reset passwords. */
export function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useLabels();
  const { can } = useSession();
  const canWrite = can('user.write');
  const [role, setRole] = useState<string | undefined>();
  const [org, setOrg] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const { data, error, loading, reload, pagination } = usePagedQuery<User>('/api/v1/users', { role, org, q });
  const [dialog, setDialog] = useState<Dialog>(null);

  const unlock = async (user: User) => {
    try {
      await api.patch<User>(`/api/v1/users/${seg(user.id)}`, { unlock: true });
      void message.success(t('users.unlocked', { name: userName(user) }));
      reload();
    } catch (err) {
      void message.error(describeError(err));
    }
  };

  const resetPassword = async (user: User) => {
    try {
      const { initialPassword } = await api.post<{ initialPassword: string }>(
        `/api/v1/users/${seg(user.id)}/reset-password`,
      );
      setDialog({
        kind: 'secret',
        title: t('users.resetPasswordTitle', { name: userName(user) }),
        secret: initialPassword,
      });
      reload();
    } catch (err) {
      void message.error(describeError(err));
    }
  };

  const columns: TableColumnsType<User> = [
    { title: t('users.username'), dataIndex: 'username', render: (v: string) => <code>{v}</code> },
    { title: t('users.displayName'), dataIndex: 'displayName', render: (v: string | null) => v || '—' },
    { title: t('users.role'), dataIndex: 'role', render: (v: string) => labels.role(v) },
    {
      title: t('users.org'),
      dataIndex: 'orgName',
      render: (v: string | null, user) => (
        <Tooltip title={user.orgCode}>
          <span>{v || user.orgCode}</span>
        </Tooltip>
      ),
    },
    {
      title: t('common.status'),
      key: 'status',
      render: (_, user) => (
        <Flex gap={4} wrap>
          <Tag color={user.active ? 'green' : 'default'}>{t(user.active ? 'common.active' : 'common.inactive')}</Tag>
          {isInFuture(user.lockedUntil) && (
            <Tooltip title={t('users.lockedUntil', { time: formatDateTime(user.lockedUntil) })}>
              <Tag color="red">{t('users.locked')}</Tag>
            </Tooltip>
          )}
          {user.mustChangePassword && <Tag color="orange">{t('users.mustChange')}</Tag>}
        </Flex>
      ),
    },
    {
      title: t('users.lastLogin'),
      dataIndex: 'lastLoginAt',
      width: 150,
      render: (v: string | null) => formatDateTime(v, t('common.never')),
    },
  ];
  if (canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 230,
      render: (_, user) => (
        <Space size={0} wrap>
          <Button
            type="link"
            size="small"
            onClick={() => setDialog({ kind: 'edit', user })}
            data-testid={`user-row-edit-${user.username}`}
          >
            {t('common.edit')}
          </Button>
          {isInFuture(user.lockedUntil) && (
            <Button
              type="link"
              size="small"
              onClick={() => void unlock(user)}
              data-testid={`user-row-unlock-${user.username}`}
            >
              {t('users.unlock')}
            </Button>
          )}
          <ConfirmAction
            title={t('users.resetPassword')}
            description={t('users.confirmReset', { name: userName(user) })}
            onConfirm={() => resetPassword(user)}
            okText={t('users.resetPassword')}
            danger
            okTestId="user-reset-confirm"
          >
            <Button type="link" size="small" danger data-testid={`user-row-reset-${user.username}`}>
              {t('users.resetPassword')}
            </Button>
          </ConfirmAction>
        </Space>
      ),
    });
  }

  return (
    <>
      <PageHeader
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        extra={
          canWrite && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDialog({ kind: 'create' })}
              data-testid="user-create"
            >
              {t('users.create')}
            </Button>
          )
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <RoleSelect
            allowClear
            value={role}
            onChange={setRole}
            placeholder={t('users.roleFilter')}
            style={{ width: 200 }}
            testId="user-filter-role"
          />
          <OrgSelect
            allowClear
            value={org}
            onChange={setOrg}
            placeholder={t('users.orgFilter')}
            style={{ width: 260 }}
            testId="user-filter-org"
          />
          <Input.Search
            allowClear
            placeholder={t('users.searchPlaceholder')}
            onSearch={(value) => setQ(value.trim())}
            style={{ width: 260 }}
            data-testid="user-filter-q"
          />
        </Flex>
        {error !== null && data && <QueryErrorAlert error={error} onRetry={reload} />}
        {error !== null && !data ? (
          <ErrorState error={error} onRetry={reload} />
        ) : (
          <Table<User>
            rowKey={(u) => String(u.id)}
            columns={columns}
            dataSource={data?.items ?? []}
            loading={loading}
            pagination={pagination}
            scroll={{ x: 1000 }}
            locale={{ emptyText: <EmptyState title={t('users.empty')} hint={t('users.emptyHint')} /> }}
            data-testid="user-table"
          />
        )}
      </Card>
      {dialog?.kind === 'create' && (
        <UserCreateModal
          onClose={() => setDialog(null)}
          onCreated={({ user, initialPassword }) => {
            reload();
            if (initialPassword) {
              setDialog({
                kind: 'secret',
                title: t('users.initialPasswordTitle', { name: userName(user) }),
                secret: initialPassword,
              });
            } else {
              setDialog(null);
              void message.success(t('common.createdName', { name: userName(user) }));
            }
          }}
        />
      )}
      {dialog?.kind === 'edit' && (
        <UserEditModal
          user={dialog.user}
          onClose={() => setDialog(null)}
          onSaved={(user) => {
            setDialog(null);
            void message.success(t('common.savedName', { name: userName(user) }));
            reload();
          }}
        />
      )}
      {dialog?.kind === 'secret' && (
        <SecretModal
          open
          title={dialog.title}
          secret={dialog.secret}
          warning={t('users.passwordOnce')}
          onClose={() => setDialog(null)}
        />
      )}
    </>
  );
}
