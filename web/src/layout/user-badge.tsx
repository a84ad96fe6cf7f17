import { UserOutlined } from '@ant-design/icons';
import { Avatar, Flex, Typography } from 'antd';
import type { SessionUser } from '../api/types.js';
import { useLabels } from '../i18n/use-labels.js';

/** Who is signed in: name, organisation and role, as shown in the header. */
export function UserBadge({ user, compact = false }: { user: SessionUser; compact?: boolean }) {
  const labels = useLabels();
  const name = user.displayName || user.username;
  return (
    <Flex align="center" gap={8} data-testid="user-badge">
      {!compact && <Avatar icon={<UserOutlined />} style={{ background: '#1a56db' }} />}
      <Flex vertical style={{ lineHeight: 1.3, minWidth: 0 }}>
        <Typography.Text strong data-testid="user-name">
          {name}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12, maxWidth: compact ? 160 : 300 }} ellipsis>
          <span data-testid="user-org">{user.org.name}</span>
          {' · '}
          <span data-testid="user-role">{labels.role(user.role)}</span>
        </Typography.Text>
      </Flex>
    </Flex>
  );
}
