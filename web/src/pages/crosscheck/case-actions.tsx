import { Alert, App, Button, Card, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/api-error.js';
import { api, seg } from '../../api/client.js';
import type { CaseAction, CaseDetail, CaseStatus } from '../../api/types.js';
import { useCrosscheckLabels } from './use-crosscheck-labels.js';

/** The actions each status allows, in button order (mirrors TRANSITIONS in case-workflow.ts). */
const ACTIONS_BY_STATUS: Record<CaseStatus, CaseAction[]> = {
  open: ['start', 'resolve', 'dismiss', 'comment'],
  in_progress: ['resolve', 'dismiss', 'comment'],
  resolved: ['reopen', 'comment'],
  dismissed: ['reopen', 'comment'],
};

/** Working a case: a note, and the actions its status allows; the server's message (in the current language) when it refuses. */
export function CaseActions({ detail, onDone }: { detail: CaseDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useCrosscheckLabels();
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<CaseAction | null>(null);

  const act = async (action: CaseAction) => {
    setError(null);
    setBusy(action);
    try {
      await api.post(`/api/v1/cases/${seg(detail.id)}/action`, {
        action,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      void message.success(t('crosscheck.detail.done', { action: labels.action(action) }));
      setNote('');
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card title={t('crosscheck.detail.work')} data-testid="case-actions">
      {error !== null && (
        <Alert
          type="error"
          showIcon
          title={describeError(error)}
          style={{ marginBottom: 12 }}
          data-testid="case-action-error"
        />
      )}
      <Typography.Text>{t('crosscheck.detail.note')}</Typography.Text>
      <Input.TextArea
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={1000}
        rows={3}
        placeholder={t('crosscheck.detail.notePlaceholder')}
        style={{ margin: '4px 0 12px' }}
        data-testid="case-note"
      />
      <Space wrap>
        {ACTIONS_BY_STATUS[detail.status].map((action) => (
          <Button
            key={action}
            type={action === 'resolve' || action === 'start' ? 'primary' : 'default'}
            danger={action === 'dismiss'}
            loading={busy === action}
            disabled={busy !== null && busy !== action}
            onClick={() => void act(action)}
            data-testid={`case-action-${action}`}
          >
            {labels.action(action)}
          </Button>
        ))}
      </Space>
    </Card>
  );
}
