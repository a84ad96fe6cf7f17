import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../api/api-error.js';

/** A reload failed but older data is still on screen: say so, and offer to retry. */
export function QueryErrorAlert({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      title={describeError(error)}
      style={{ marginBottom: 16 }}
      action={
        <Button size="small" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      }
      data-testid="query-error"
    />
  );
}
