import { CheckCircleOutlined, CloseCircleOutlined, ExclamationCircleOutlined, SyncOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import type { SubmissionStatus } from '../../api/types.js';
import { useExchangeLabels } from './use-exchange-labels.js';

const LOOK: Record<SubmissionStatus, { color: string; icon: ReactNode }> = {
  processing: { color: 'processing', icon: <SyncOutlined spin /> },
  committed: { color: 'success', icon: <CheckCircleOutlined /> },
  rejected: { color: 'error', icon: <CloseCircleOutlined /> },
  failed: { color: 'warning', icon: <ExclamationCircleOutlined /> },
};

/** 处理中 / 已入账 / 已退回 / 处理失败, coloured; `data-status` holds the raw status. */
export function SubmissionStatusTag({ status, testId }: { status: string; testId?: string }) {
  const labels = useExchangeLabels();
  const look = LOOK[status as SubmissionStatus] ?? { color: 'default', icon: null };
  return (
    <Tag color={look.color} icon={look.icon} data-testid={testId} data-status={status}>
      {labels.status(status)}
    </Tag>
  );
}
