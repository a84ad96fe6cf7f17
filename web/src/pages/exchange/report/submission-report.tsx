import {
  CheckCircleFilled,
  CloseCircleFilled,
  ExclamationCircleFilled,
  LoadingOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { seg } from '../../../api/client.js';
import type { Org, SubmissionDetail } from '../../../api/types.js';
import { useSession, useSignedIn } from '../../../auth/session-context.js';
import { formatDateTimeSeconds } from '../../../format/format-date-time.js';
import { formatBytes } from '../../../format/format-bytes.js';
import { useApiQuery } from '../../../hooks/use-api-query.js';
import { SubmissionStatusTag } from '../submission-status-tag.js';
import type { CatalogIndex } from '../use-catalog.js';
import { useExchangeLabels } from '../use-exchange-labels.js';
import { ReportFileProblem } from './report-file-problem.js';
import { ReportIssues } from './report-issues.js';
import { ReportProcessing } from './report-processing.js';
import { ReportReceipt } from './report-receipt.js';
import { ReportStats } from './report-stats.js';

export interface SubmissionReportProps {
  submission: SubmissionDetail;
  catalog: CatalogIndex | undefined;
  /** Shown as “上传修改后的文件” once processing has finished. */
  onReupload?: () => void;
  /** A notice above the report (e.g. the upload was a repeat of an earlier one). */
  notice?: ReactNode;
  /** The last poll failed; the report shows older data. */
  pollError?: boolean;
}

function OutcomeIcon({ submission }: { submission: SubmissionDetail }) {
  const size = { fontSize: 28 };
  switch (submission.status) {
    case 'processing':
      return <LoadingOutlined style={{ ...size, color: '#1a56db' }} />;
    case 'committed':
      return submission.rejected > 0 ? (
        <ExclamationCircleFilled style={{ ...size, color: '#d46b08' }} />
      ) : (
        <CheckCircleFilled style={{ ...size, color: '#389e0d' }} />
      );
    case 'rejected':
      return <CloseCircleFilled style={{ ...size, color: '#cf1322' }} />;
    case 'failed':
      return <ExclamationCircleFilled style={{ ...size, color: '#d46b08' }} />;
    default:
      return null;
  }
}

/**
 * The report of one submission: outcome, facts, live progress while processing, then the
 * counts, the receipt, the file problem and the per-row issues. `data-status` on the
 * container is the submission's status, so a test can wait for `committed`.
 */
export function SubmissionReport({ submission, catalog, onReupload, notice, pollError }: SubmissionReportProps) {
  const { t } = useTranslation();
  const labels = useExchangeLabels();
  const session = useSignedIn();
  const { can } = useSession();
  const type = catalog?.byKey.get(submission.type);
  const processing = submission.status === 'processing';
  // Nothing to fix: the button offers the next upload rather than a corrected file.
  const clean = submission.status === 'committed' && submission.rejected === 0 && submission.warnings === 0;
  const outcome =
    submission.status === 'committed' && submission.rejected > 0
      ? t('exchange.report.outcome.committedPartial', { rejected: submission.rejected })
      : submission.status === 'processing' ||
          submission.status === 'committed' ||
          submission.status === 'rejected' ||
          submission.status === 'failed'
        ? t(`exchange.report.outcome.${submission.status}`)
        : submission.status;
  const own = submission.orgCode === session.user.org.code;
  const lookup = useApiQuery<Org>(
    !submission.orgName && !own && can('org.read') ? `/api/v1/orgs/${seg(submission.orgCode)}` : null,
  );
  const orgName = submission.orgName ?? (own ? session.user.org.name : (lookup.data?.name ?? null));
  const format = [submission.format?.toUpperCase(), submission.encoding].filter(Boolean).join(' · ');

  return (
    <Flex vertical gap={16} data-testid="report" data-status={submission.status} data-id={submission.id}>
      {notice}
      {pollError && <Alert type="warning" showIcon title={t('exchange.report.pollFailed')} data-testid="query-error" />}
      <Card>
        <Flex justify="space-between" align="center" gap={16} wrap style={{ marginBottom: 16 }}>
          <Flex gap={12} align="center">
            <OutcomeIcon submission={submission} />
            <div>
              <Typography.Title level={4} style={{ margin: 0 }} data-testid="report-outcome">
                {outcome}
              </Typography.Title>
              <Flex gap={8} align="center" wrap>
                <SubmissionStatusTag status={submission.status} testId="report-status" />
                <Typography.Text type="secondary">
                  {submission.filename ?? '—'} · {labels.typeKey(catalog, submission.type)}
                </Typography.Text>
              </Flex>
            </div>
          </Flex>
          {!processing && onReupload && (
            <Button type="primary" icon={<UploadOutlined />} onClick={onReupload} data-testid="report-reupload">
              {t(clean ? 'exchange.report.uploadAnother' : 'exchange.report.reupload')}
            </Button>
          )}
        </Flex>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            {
              key: 'type',
              label: t('exchange.report.type'),
              children: (
                <span>
                  {labels.typeKey(catalog, submission.type)} <Typography.Text code>{submission.type}</Typography.Text>
                </span>
              ),
            },
            { key: 'filename', label: t('exchange.report.filename'), children: submission.filename ?? '—' },
            {
              key: 'bytes',
              label: t('exchange.report.bytes'),
              children: format ? `${formatBytes(submission.bytes)} · ${format}` : formatBytes(submission.bytes),
            },
            {
              key: 'mode',
              label: t('exchange.report.mode'),
              children: t(`exchange.modes.${submission.mode === 'reject_all' ? 'reject_all' : 'accept_valid'}`),
            },
            {
              key: 'org',
              label: t('exchange.report.org'),
              children: orgName ? `${orgName}（${submission.orgCode}）` : submission.orgCode,
            },
            { key: 'channel', label: t('exchange.report.channel'), children: labels.channel(submission.channel) },
            {
              key: 'receivedAt',
              label: t('exchange.report.receivedAt'),
              children: formatDateTimeSeconds(submission.receivedAt),
            },
            {
              key: 'finishedAt',
              label: t('exchange.report.finishedAt'),
              children: formatDateTimeSeconds(submission.finishedAt),
            },
            {
              key: 'id',
              label: t('exchange.report.id'),
              children: (
                <Typography.Text copyable style={{ fontFamily: 'monospace', fontSize: 12 }}>
                  {submission.id}
                </Typography.Text>
              ),
            },
          ]}
        />
      </Card>
      {processing ? (
        <ReportProcessing progress={submission.progress} />
      ) : (
        <>
          {submission.fileProblem && (
            <ReportFileProblem problem={submission.fileProblem} failed={submission.status === 'failed'} />
          )}
          <ReportStats counts={submission} />
          <ReportReceipt submission={submission} />
          {submission.issueCount > 0 ? (
            <ReportIssues submission={submission} type={type} />
          ) : (
            submission.status === 'committed' && (
              <Alert type="success" showIcon title={t('exchange.report.noIssues')} data-testid="report-no-issues" />
            )
          )}
        </>
      )}
    </Flex>
  );
}
