import { Alert, Form, Input, Modal, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/api-error.js';
import { api, seg } from '../../api/client.js';
import type { User, UserPatchBody } from '../../api/types.js';
import { applyServerErrors } from '../../components/form-errors.js';
import { OrgSelect } from '../../components/org-select.js';
import { RoleSelect } from './role-select.js';

interface UserForm {
  displayName?: string;
  role: string;
  orgCode: string;
  active: boolean;
}

function patchBody(user: User, v: UserForm): UserPatchBody {
  const body: UserPatchBody = {};
  const displayName = v.displayName?.trim() ?? '';
  if (displayName !== (user.displayName ?? '')) body.displayName = displayName;
  if (v.role !== user.role) body.role = v.role;
  if (v.orgCode !== user.orgCode) body.orgCode = v.orgCode;
  if (v.active !== user.active) body.active = v.active;
  return body;
}

/** Edit a user's name, role, organisation and whether the account is active. */
export function UserEditModal({
  user,
  onClose,
  onSaved,
}: {
  user: User;
  onClose: () => void;
  onSaved: (u: User) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<UserForm>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const onFinish = async (v: UserForm) => {
    const body = patchBody(user, v);
    if (Object.keys(body).length === 0) return onClose();
    setSaving(true);
    setError(null);
    try {
      onSaved(await api.patch<User>(`/api/v1/users/${seg(user.id)}`, body));
    } catch (err) {
      if (!applyServerErrors(form, err, describeError, { UNKNOWN_ORG: 'orgCode' })) setError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('users.editTitle', { name: user.displayName || user.username })}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'user-edit-ok' }}
      cancelButtonProps={{ 'data-testid': 'user-edit-cancel' }}
      mask={{ closable: false }}
    >
      {error !== null && <Alert type="error" showIcon title={describeError(error)} style={{ marginBottom: 16 }} />}
      <Form<UserForm>
        form={form}
        layout="vertical"
        initialValues={{
          displayName: user.displayName ?? '',
          role: user.role,
          orgCode: user.orgCode,
          active: user.active,
        }}
        onFinish={(v) => void onFinish(v)}
      >
        <Form.Item label={t('users.username')}>
          <Input value={user.username} disabled />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.displayName')}>
          <Input maxLength={50} data-testid="user-edit-display-name" />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('users.role')}
          rules={[{ required: true, message: t('common.selectField', { field: t('users.role') }) }]}
        >
          <RoleSelect testId="user-edit-role" />
        </Form.Item>
        <Form.Item
          name="orgCode"
          label={t('users.org')}
          rules={[{ required: true, message: t('common.selectField', { field: t('users.org') }) }]}
        >
          <OrgSelect valueLabel={user.orgName} testId="user-edit-org" />
        </Form.Item>
        <Form.Item name="active" label={t('users.activeLabel')} valuePropName="checked">
          <Switch
            checkedChildren={t('common.active')}
            unCheckedChildren={t('common.inactive')}
            data-testid="user-edit-active"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
