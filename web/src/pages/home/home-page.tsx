import { Card, Col, Descriptions, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { isPageNavItem, visibleNavItems } from '../../app/nav-items.js';
import { useSession, useSignedIn } from '../../auth/session-context.js';
import { EmptyState } from '../../components/empty-state.js';
import { useLabels } from '../../i18n/use-labels.js';
import { useJurisdiction } from './use-jurisdiction.js';

/** `/`: who you are, where you belong, and the pages your role can open. */
export function HomePage() {
  const { t } = useTranslation();
  const session = useSignedIn();
  const { can } = useSession();
  const labels = useLabels();
  const jurisdiction = useJurisdiction(session);
  const { user } = session;
  const links = visibleNavItems(can, user.org.type).filter(isPageNavItem);
  const adminLinks = links.filter((item) => item.key !== 'password');

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="home-welcome">
          {t('home.welcome', { name: user.displayName || user.username })}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('home.intro')}</Typography.Paragraph>
        <Descriptions
          title={t('home.profile')}
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'username', label: t('home.username'), children: user.username },
            { key: 'role', label: t('home.role'), children: <Tag color="blue">{labels.role(user.role)}</Tag> },
            { key: 'org', label: t('home.org'), children: <span data-testid="home-org">{user.org.name}</span> },
            { key: 'orgCode', label: t('home.orgCode'), children: user.org.code },
            { key: 'orgType', label: t('home.orgType'), children: labels.orgType(user.org.type) },
            {
              key: 'jurisdiction',
              label: t('home.jurisdiction'),
              children: jurisdiction.loading ? (
                <Skeleton.Input active size="small" />
              ) : (
                <Space wrap size={4} data-testid="home-jurisdiction">
                  {jurisdiction.names.map((name) => (
                    <Tag key={name}>{name}</Tag>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card title={t('home.quickLinks')}>
        {adminLinks.length === 0 && <EmptyState title={t('home.noLinks')} />}
        <Row gutter={[16, 16]}>
          {links.map((item) => (
            <Col key={item.key} xs={24} sm={12} lg={8} xl={6}>
              <Link to={item.path} data-testid={`home-link-${item.key}`}>
                <Card hoverable size="small" style={{ height: '100%' }}>
                  <Card.Meta
                    avatar={<span style={{ fontSize: 24, color: '#1a56db' }}>{item.icon}</span>}
                    title={t(`nav.${item.key}`)}
                    description={t(`home.links.${item.key}`)}
                  />
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      </Card>
      <Card title={t('home.permissions')} extra={t('home.permissionsCount', { count: session.permissions.length })}>
        <Space wrap size={[4, 8]} data-testid="home-permissions">
          {session.permissions.map((p) => (
            <Tag key={p}>{p}</Tag>
          ))}
        </Space>
      </Card>
    </Space>
  );
}
