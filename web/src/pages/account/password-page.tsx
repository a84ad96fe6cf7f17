import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { describeError, isApiError } from '../../api/api-error.js';
import { api } from '../../api/client.js';
import { useSession } from '../../auth/session-context.js';
import { PageHeader } from '../../components/page-header.js';
import { containsUsername, hasLettersAndDigits, PASSWORD_MIN_LENGTH } from './password-rules.js';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** `/account/password`: change one's own password; also where a forced change lands. */
export function PasswordPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { session, refresh } = useSession();
  const [form] = Form.useForm<PasswordForm>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const mustChange = session?.user.mustChangePassword ?? false;

  const onFinish = async (values: PasswordForm) => {
    setSubmitting(true);
    setError(null);
    try {
      await api.post<void>('/api/v1/auth/password', {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      });
      form.resetFields();
      const refreshed = await refresh();
      if (refreshed) {
        void message.success(t('password.success'));
        void navigate('/', { replace: true });
      } else {
        void message.info(t('password.reloginNeeded'));
      }
    } catch (err) {
      if (isApiError(err, 'INVALID_CREDENTIALS')) {
        form.setFields([{ name: 'currentPassword', errors: [t('password.wrongCurrent')] }]);
      } else if (isApiError(err, 'WEAK_PASSWORD')) {
        form.setFields([{ name: 'newPassword', errors: [describeError(err)] }]);
      } else {
        setError(err);
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <>
      <PageHeader title={t('password.title')} />
      <Card style={{ maxWidth: 520 }}>
        {mustChange && (
          <Alert
            type="warning"
            showIcon
            title={t('password.mustChange')}
            style={{ marginBottom: 16 }}
            data-testid="password-must-change"
          />
        )}
        {error !== null && (
          <Alert
            type="error"
            showIcon
            title={describeError(error)}
            style={{ marginBottom: 16 }}
            data-testid="password-error"
          />
        )}
        <Form<PasswordForm> form={form} layout="vertical" onFinish={(v) => void onFinish(v)} requiredMark={false}>
          <Form.Item
            name="currentPassword"
            label={t('password.current')}
            rules={[{ required: true, message: t('password.currentRequired') }]}
          >
            <Input.Password autoComplete="current-password" data-testid="password-current" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('password.new')}
            extra={t('password.hint')}
            dependencies={['currentPassword']}
            validateFirst
            rules={[
              { required: true, message: t('password.newRequired') },
              { min: PASSWORD_MIN_LENGTH, message: t('password.tooShort') },
              {
                validator: async (_, value: string | undefined) => {
                  if (value && !hasLettersAndDigits(value)) throw new Error(t('password.needLettersDigits'));
                  if (value && containsUsername(value, session?.user.username ?? ''))
                    throw new Error(t('password.containsUsername'));
                },
              },
              ({ getFieldValue }) => ({
                validator: async (_, value: string | undefined) => {
                  if (value && value === getFieldValue('currentPassword')) throw new Error(t('password.sameAsCurrent'));
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="password-new" />
          </Form.Item>
          <Form.Item
            name="confirmPassword"
            label={t('password.confirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('password.confirmRequired') },
              ({ getFieldValue }) => ({
                validator: async (_, value: string | undefined) => {
                  if (value && value !== getFieldValue('newPassword')) throw new Error(t('password.mismatch'));
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="password-confirm" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={submitting} data-testid="password-submit">
            {t('password.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
          {t('login.help')}
        </Typography.Paragraph>
      </Card>
    </>
  );
}
