import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/api-error.js';
import { api } from '../../api/client.js';
import type { AuditVerifyResult } from '../../api/types.js';

type VerifyState =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'done'; result: AuditVerifyResult }
  | { status: 'failed'; error: unknown };

/** Hook and views for “verify chain”: the button for the header, the outcome for the page. */
export function useAuditVerify() {
  const [state, setState] = useState<VerifyState>({ status: 'idle' });
  const run = async () => {
    setState({ status: 'running' });
    try {
      setState({ status: 'done', result: await api.get<AuditVerifyResult>('/api/v1/audit/verify') });
    } catch (error) {
      setState({ status: 'failed', error });
    }
  };
  return { state, run, dismiss: () => setState({ status: 'idle' }) };
}

/** The button that checks the whole hash chain. */
export function AuditVerifyButton({ running, onClick }: { running: boolean; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Button icon={<SafetyCertificateOutlined />} loading={running} onClick={onClick} data-testid="audit-verify">
      {t('audit.verify')}
    </Button>
  );
}

/** ✓ with the number checked, or ✗ with the first broken entry and why. */
export function AuditVerifyOutcome({ state, onClose }: { state: VerifyState; onClose: () => void }) {
  const { t } = useTranslation();
  if (state.status === 'idle' || state.status === 'running') return null;
  const common = {
    showIcon: true,
    style: { marginBottom: 16 },
    closable: { onClose },
    'data-testid': 'audit-verify-result',
  };
  if (state.status === 'failed') return <Alert type="error" title={describeError(state.error)} {...common} />;
  const { result } = state;
  if (result.ok) {
    return (
      <Alert
        type="success"
        title={`✓ ${t('audit.verifyOk', { checked: result.checked })}`}
        data-ok="true"
        {...common}
      />
    );
  }
  const broken = result.firstBroken;
  return (
    <Alert
      type="error"
      title={`✗ ${t('audit.verifyBroken', { seq: broken?.seq ?? '?', checked: result.checked, reason: broken?.reason ?? '' })}`}
      data-ok="false"
      {...common}
    />
  );
}
