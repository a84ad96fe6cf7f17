import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useSession } from '../../auth/session-context.js';
import { useLabels } from '../../i18n/use-labels.js';

/** 403: the route exists but the user's role may not open it. */
export function ForbiddenPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { session } = useSession();
  const labels = useLabels();
  return (
    <Result
      status="403"
      title={t('errors.forbiddenTitle')}
      subTitle={t('errors.forbiddenText', { role: labels.role(session?.user.role) || '—' })}
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          {t('common.backHome')}
        </Button>
      }
      data-testid="forbidden"
    />
  );
}
