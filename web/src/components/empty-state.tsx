import { Empty, Typography } from 'antd';
import type { ReactNode } from 'react';

/** An empty list or table: what is missing and what the user can do about it. */
export function EmptyState({ title, hint, action }: { title: string; hint?: string; action?: ReactNode }) {
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <>
          <div>{title}</div>
          {hint && <Typography.Text type="secondary">{hint}</Typography.Text>}
        </>
      }
      data-testid="empty-state"
    >
      {action}
    </Empty>
  );
}
