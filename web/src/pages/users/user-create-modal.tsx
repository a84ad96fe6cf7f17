import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/api-error.js';
import { api } from '../../api/client.js';
import type { User, UserCreateBody } from '../../api/types.js';
import { applyServerErrors } from '../../components/form-errors.js';
import { OrgSelect } from '../../components/org-select.js';
import { containsUsername, hasLettersAndDigits, PASSWORD_MIN_LENGTH } from '../account/password-rules.js';
import { RoleSelect } from './role-select.js';

interface UserForm {
  username: string;
  displayName?: string;
  role: string;
  orgCode: string;
  password?: string;
}

export interface UserCreated {
  user: User;
  initialPassword?: string;
}

const USERNAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9._-]{1,39}$/;
const ERROR_FIELDS = {
  USER_EXISTS: 'username',
  USERNAME_TAKEN: 'username',
  WEAK_PASSWORD: 'password',
  UNKNOWN_ORG: 'orgCode',
};

/** Create a user; the generated password (when none was typed) goes back to the page to show once. */
export function UserCreateModal({ onClose, onCreated }: { onClose: () => void; onCreated: (r: UserCreated) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<UserForm>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const onFinish = async (v: UserForm) => {
    setSaving(true);
    setError(null);
    const body: UserCreateBody = {
      username: v.username.trim(),
      displayName: v.displayName?.trim() || undefined,
      role: v.role,
      orgCode: v.orgCode,
      password: v.password || undefined,
    };
    try {
      onCreated(await api.post<UserCreated>('/api/v1/users', body));
    } catch (err) {
      if (!applyServerErrors(form, err, describeError, ERROR_FIELDS)) setError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('users.create')}
      okText={t('common.create')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'user-form-ok' }}
      cancelButtonProps={{ 'data-testid': 'user-form-cancel' }}
      mask={{ closable: false }}
    >
      {error !== null && <Alert type="error" showIcon title={describeError(error)} style={{ marginBottom: 16 }} />}
      <Form<UserForm> form={form} layout="vertical" onFinish={(v) => void onFinish(v)} autoComplete="off">
        <Form.Item
          name="username"
          label={t('users.username')}
          extra={t('users.usernamePattern')}
          rules={[
            { required: true, whitespace: true, message: t('common.requiredField', { field: t('users.username') }) },
            { pattern: USERNAME_PATTERN, message: t('users.usernamePattern') },
          ]}
        >
          <Input autoComplete="off" maxLength={40} data-testid="user-form-username" />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.displayName')}>
          <Input maxLength={50} data-testid="user-form-display-name" />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('users.role')}
          rules={[{ required: true, message: t('common.selectField', { field: t('users.role') }) }]}
        >
          <RoleSelect testId="user-form-role" />
        </Form.Item>
        <Form.Item
          name="orgCode"
          label={t('users.org')}
          rules={[{ required: true, message: t('common.selectField', { field: t('users.org') }) }]}
        >
          <OrgSelect testId="user-form-org" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('users.passwordOptional')}
          extra={t('users.passwordHint')}
          dependencies={['username']}
          validateFirst
          rules={[
            { min: PASSWORD_MIN_LENGTH, message: t('users.passwordTooShort') },
            ({ getFieldValue }) => ({
              validator: async (_, value: string | undefined) => {
                if (!value) return;
                if (!hasLettersAndDigits(value)) throw new Error(t('password.needLettersDigits'));
                if (containsUsername(value, String(getFieldValue('username') ?? '')))
                  throw new Error(t('password.containsUsername'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="user-form-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
