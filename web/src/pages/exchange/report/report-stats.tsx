import { QuestionCircleOutlined } from '@ant-design/icons';
import { Card, Flex, Statistic, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SubmissionCounts } from '../../../api/types.js';

type CountKey = keyof SubmissionCounts;

const ORDER: readonly CountKey[] = [
  'received',
  'accepted',
  'duplicate',
  'corrected',
  'cancelled',
  'rejected',
  'warnings',
];

/** Colour of a count that asks for attention (only when it is not zero). */
const ALERT_COLORS: Partial<Record<CountKey, string>> = {
  accepted: '#389e0d',
  rejected: '#cf1322',
  warnings: '#d46b08',
};

/**
 * The seven counts of a submission. Each number sits in a Statistic with id
 * `report-<count>` whose innerText is the bare integer (no separators); `data-value` too.
 */
export function ReportStats({ counts }: { counts: SubmissionCounts }) {
  const { t } = useTranslation();
  return (
    <Flex gap={12} wrap data-testid="report-stats">
      {ORDER.map((key) => {
        const value = counts[key];
        const color = value > 0 ? ALERT_COLORS[key] : undefined;
        return (
          <Card key={key} size="small" style={{ flex: '1 1 120px', minWidth: 120 }}>
            <Tooltip title={t(`exchange.report.statHints.${key}`)}>
              <Typography.Text type="secondary">
                {t(`exchange.report.stats.${key}`)} <QuestionCircleOutlined style={{ fontSize: 12 }} />
              </Typography.Text>
            </Tooltip>
            <Statistic
              value={value}
              groupSeparator=""
              styles={{ content: { color, fontSize: 26 } }}
              data-testid={`report-${key}`}
              data-value={value}
            />
          </Card>
        );
      })}
    </Flex>
  );
}
