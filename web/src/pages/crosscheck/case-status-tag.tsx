import { Tag } from 'antd';
import type { CaseStatus } from '../../api/types.js';
import { useCrosscheckLabels } from './use-crosscheck-labels.js';

const COLORS: Record<CaseStatus, string> = {
  open: 'red',
  in_progress: 'orange',
  resolved: 'green',
  dismissed: 'default',
};

/** A case's status as a coloured tag. */
export function CaseStatusTag({ status, testId }: { status: CaseStatus; testId?: string }) {
  const labels = useCrosscheckLabels();
  return (
    <Tag color={COLORS[status]} data-testid={testId}>
      {labels.status(status)}
    </Tag>
  );
}
