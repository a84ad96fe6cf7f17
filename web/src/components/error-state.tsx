import { ReloadOutlined } from '@ant-design/icons';
import { Button, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError, isApiError } from '../api/api-error.js';

/** A failed load: the server's message in the UI language, its code, and a retry button. */
export function ErrorState({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const { t } = useTranslation();
  const code = isApiError(error) ? error.code : null;
  return (
    <Result
      status="error"
      title={title ?? t('common.loadFailed')}
      subTitle={
        <>
          <div data-testid="error-message">{describeError(error)}</div>
          {code && <Typography.Text type="secondary">{t('errors.errorCode', { code })}</Typography.Text>}
        </>
      }
      extra={
        onRetry && (
          <Button type="primary" icon={<ReloadOutlined />} onClick={onRetry} data-testid="error-retry">
            {t('common.retry')}
          </Button>
        )
      }
      data-testid="error-state"
    />
  );
}
