import { LoadingOutlined } from '@ant-design/icons';
import { Card, Flex, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SubmissionProgress } from '../../../api/types.js';

const PHASE_STEP: Record<SubmissionProgress['phase'], number> = { validating: 1, committing: 2, done: 3 };

/** Live progress while the server works on a file: phase, rows so far, place in the queue. */
export function ReportProcessing({ progress }: { progress: SubmissionProgress | null }) {
  const { t } = useTranslation();
  const phase = progress?.phase ?? 'validating';
  const current = PHASE_STEP[phase] ?? 1;
  const queued = (progress?.queuePosition ?? 0) > 0;
  const rows = progress?.rows ?? 0;
  return (
    <Card data-testid="report-processing" data-phase={queued ? 'queued' : phase} data-rows={rows}>
      <Steps
        current={current}
        status="process"
        items={[
          { title: t('exchange.report.steps.received') },
          {
            title: t('exchange.report.steps.validating'),
            icon: current === 1 ? <LoadingOutlined /> : undefined,
          },
          {
            title: t('exchange.report.steps.committing'),
            icon: current === 2 ? <LoadingOutlined /> : undefined,
          },
          { title: t('exchange.report.steps.done') },
        ]}
      />
      <Flex justify="center" style={{ marginTop: 16 }}>
        <Typography.Text type="secondary" data-testid="report-progress-text">
          {queued
            ? t('exchange.report.queued', { count: progress?.queuePosition ?? 0 })
            : t('exchange.report.rowsProcessed', { rows })}
        </Typography.Text>
      </Flex>
    </Card>
  );
}
