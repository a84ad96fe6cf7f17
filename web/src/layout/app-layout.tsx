import { LogoutOutlined } from '@ant-design/icons';
import { Button, Flex, Grid, Layout, Tag, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useSignedIn, useSession } from '../auth/session-context.js';
import { ErrorBoundary } from '../components/boundary.js';
import { LangSwitch } from '../components/lang-switch.js';
import { LoadingState } from '../components/loading-state.js';
import { NavMenu } from './nav-menu.js';
import { UserBadge } from './user-badge.js';

const HEADER_HEIGHT_PX = 60;

/** The signed-in frame: menu on the left, platform name and user in the header, the page inside. */
export function AppLayout() {
  const { t } = useTranslation();
  const session = useSignedIn();
  const { logout } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const screens = Grid.useBreakpoint();
  const onLogout = async () => {
    await logout();
    void navigate('/login', { replace: true });
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        breakpoint="lg"
        width={216}
        style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
      >
        <Flex align="center" justify="center" style={{ height: HEADER_HEIGHT_PX, color: '#fff' }}>
          <Typography.Text strong style={{ color: '#fff', fontSize: collapsed ? 16 : 20, letterSpacing: 1 }}>
            {t('app.short')}
          </Typography.Text>
        </Flex>
        <NavMenu collapsed={collapsed} />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            height: HEADER_HEIGHT_PX,
            padding: '0 24px',
            borderBottom: '1px solid #f0f0f0',
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          <Flex align="center" justify="space-between" style={{ height: '100%' }} gap={16}>
            <Flex align="center" gap={8} style={{ minWidth: 0 }}>
              <Typography.Title
                level={4}
                style={{ margin: 0, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}
                data-testid="app-title"
              >
                {t('app.name')}
              </Typography.Title>
              {screens.md && <Tag color="blue">{t('app.short')}</Tag>}
            </Flex>
            <Flex align="center" gap={12}>
              <UserBadge user={session.user} compact={!screens.lg} />
              <LangSwitch ghost />
              <Button
                icon={<LogoutOutlined />}
                onClick={() => void onLogout()}
                title={t('nav.logout')}
                data-testid="logout"
              >
                {screens.md && t('nav.logout')}
              </Button>
            </Flex>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <div style={{ maxWidth: 1400, margin: '0 auto' }}>
            <ErrorBoundary resetKey={location.pathname}>
              <Suspense fallback={<LoadingState />}>
                <Outlet />
              </Suspense>
            </ErrorBoundary>
          </div>
        </Layout.Content>
        <Layout.Footer style={{ textAlign: 'center', color: '#8c8c8c', padding: '12px 24px' }}>
          {t('app.footer')}
        </Layout.Footer>
      </Layout>
    </Layout>
  );
}
