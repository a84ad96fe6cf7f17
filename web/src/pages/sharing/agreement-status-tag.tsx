import { Tag } from 'antd';
import type { AgreementStatus } from '../../api/types.js';
import { useSharingLabels } from './use-sharing-labels.js';

const STATUS_COLORS: Record<AgreementStatus, string> = {
  requested: 'gold',
  approved: 'green',
  refused: 'red',
  suspended: 'orange',
  revoked: 'default',
};

/** An agreement's status as a coloured tag; `data-status` holds the code. */
export function AgreementStatusTag({ status, testId }: { status: AgreementStatus; testId?: string }) {
  const labels = useSharingLabels();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid={testId} data-status={status}>
      {labels.status(status)}
    </Tag>
  );
}
