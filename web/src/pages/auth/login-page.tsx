import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, describeError } from '../../api/api-error.js';
import { useSession } from '../../auth/session-context.js';
import { LangSwitch } from '../../components/lang-switch.js';
import { formatDateTime } from '../../format/format-date-time.js';

interface LoginForm {
  username: string;
  password: string;
}

function detailString(details: unknown, key: string): string | null {
  if (typeof details !== 'object' || details === null) return null;
  const value = (details as Record<string, unknown>)[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
}

/** Turns a login failure into a sentence a clerk can act on. */
function useLoginErrorText(): (err: unknown) => string {
  const { t } = useTranslation();
  return (err) => {
    if (!(err instanceof ApiError)) return describeError(err);
    switch (err.code) {
      case 'INVALID_CREDENTIALS': {
        const left = Number(detailString(err.details, 'attemptsLeft') ?? NaN);
        return Number.isFinite(left) && left > 0 && left <= 3
          ? t('login.attemptsLeft', { count: left })
          : t('login.invalidCredentials');
      }
      case 'ACCOUNT_LOCKED': {
        const until = detailString(err.details, 'lockedUntil');
        return until ? t('login.locked', { time: formatDateTime(until) }) : t('login.lockedNoTime');
      }
      case 'RATE_LIMITED': {
        const seconds = err.retryAfterSeconds ?? Number(detailString(err.details, 'retryAfterSeconds') ?? NaN);
        return Number.isFinite(seconds) && seconds > 0
          ? t('login.rateLimitedSeconds', { seconds })
          : t('login.rateLimited');
      }
      default:
        return describeError(err);
    }
  };
}

/** `/login`: username and password; the router moves on once the session exists. */
export function LoginPage() {
  const { t } = useTranslation();
  const { login, state } = useSession();
  const errorText = useLoginErrorText();
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const reason = state.status === 'anonymous' ? state.reason : null;

  const onFinish = async (values: LoginForm) => {
    setSubmitting(true);
    setError(null);
    try {
      await login(values.username.trim(), values.password);
    } catch (err) {
      setError(err);
      setSubmitting(false);
    }
  };

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100vh', padding: 16, background: 'linear-gradient(160deg, #e8f0fe 0%, #f5f7fa 60%)' }}
    >
      <div style={{ position: 'fixed', top: 16, right: 16 }}>
        <LangSwitch />
      </div>
      <Flex vertical align="center" style={{ marginBottom: 24, textAlign: 'center' }}>
        <Typography.Title level={2} style={{ marginBottom: 4 }}>
          {t('app.name')}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t('app.short')} · {t('app.tagline')}
        </Typography.Text>
      </Flex>
      <Card style={{ width: '100%', maxWidth: 400 }} title={t('login.title')}>
        {reason && !error && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={reason === 'expired' ? t('login.sessionExpired') : t('login.loggedOut')}
            data-testid="login-notice"
          />
        )}
        {error !== null && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={errorText(error)}
            data-testid="login-error"
          />
        )}
        <Form<LoginForm> layout="vertical" onFinish={(v) => void onFinish(v)} requiredMark={false} autoComplete="on">
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input
              prefix={<UserOutlined />}
              autoComplete="username"
              autoFocus
              size="large"
              data-testid="login-username"
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              size="large"
              data-testid="login-password"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={submitting} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          {t('login.help')}
        </Typography.Paragraph>
      </Card>
    </Flex>
  );
}
