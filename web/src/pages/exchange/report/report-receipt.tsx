import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SubmissionDetail } from '../../../api/types.js';

/** The ledger receipt of a committed submission: entry range and head hash, copyable. */
export function ReportReceipt({ submission }: { submission: SubmissionDetail }) {
  const { t } = useTranslation();
  const receipt = submission.receipt;
  if (!receipt) return null;
  const hasRange = receipt.ledgerFrom !== null && receipt.ledgerTo !== null;
  const range = hasRange
    ? receipt.ledgerFrom === receipt.ledgerTo
      ? `#${receipt.ledgerFrom}`
      : `#${receipt.ledgerFrom} – #${receipt.ledgerTo}`
    : null;
  return (
    <Card
      title={
        <span>
          <SafetyCertificateOutlined style={{ color: '#389e0d', marginInlineEnd: 8 }} />
          {t('exchange.report.receipt')}
        </span>
      }
      data-testid="report-receipt"
    >
      <Typography.Paragraph type="secondary">{t('exchange.report.receiptHint')}</Typography.Paragraph>
      <Descriptions
        bordered
        size="small"
        column={1}
        styles={{ label: { width: 160 } }}
        items={[
          {
            key: 'range',
            label: t('exchange.report.ledgerRange'),
            children: range ? (
              <Typography.Text copyable={{ text: range }} data-testid="report-receipt-range">
                {range}
              </Typography.Text>
            ) : (
              <Typography.Text type="secondary">{t('exchange.report.noLedger')}</Typography.Text>
            ),
          },
          ...(receipt.headHash
            ? [
                {
                  key: 'head',
                  label: t('exchange.report.headHash'),
                  children: (
                    <Typography.Text code copyable style={{ wordBreak: 'break-all' }} data-testid="report-receipt-hash">
                      {receipt.headHash}
                    </Typography.Text>
                  ),
                },
              ]
            : []),
          ...(submission.fileSha256
            ? [
                {
                  key: 'sha',
                  label: t('exchange.report.fileSha256'),
                  children: (
                    <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                      {submission.fileSha256}
                    </Typography.Text>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
