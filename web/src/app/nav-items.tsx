import {
  ApartmentOutlined,
  AreaChartOutlined,
  AuditOutlined,
  BarChartOutlined,
  BankOutlined,
  CloudDownloadOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  FileSearchOutlined,
  HistoryOutlined,
  HomeOutlined,
  IdcardOutlined,
  KeyOutlined,
  LockOutlined,
  MergeCellsOutlined,
  ProfileOutlined,
  ReconciliationOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

export type NavKey =
  | 'home'
  | 'divisions'
  | 'analysis'
  | 'catalog'
  | 'upload'
  | 'submissions'
  | 'persons'
  | 'reviews'
  | 'agreements'
  | 'myData'
  | 'townDownloads'
  | 'cases'
  | 'crosscheckRules'
  | 'crosscheckQuality'
  | 'orgs'
  | 'users'
  | 'tokens'
  | 'audit'
  | 'system'
  | 'password';
export type NavGroup =
  | 'main'
  | 'groupExchange'
  | 'groupRegistry'
  | 'groupSharing'
  | 'groupCrosscheck'
  | 'groupAdmin'
  | 'groupMonitor'
  | 'groupAccount';

export interface NavItem {
  key: NavKey;
  path: string;
  /** Permission needed to open the page; absent means every signed-in user. */
  permission?: string;
  /** Organisation types the page is for (a town's monthly download); absent means every type. */
  orgTypes?: readonly string[];
  icon: ReactNode;
  group: NavGroup;
  testId: string;
}

/** Every page in the left menu, in menu order; routes and home-page links use the same list. */
export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'home', path: '/', icon: <HomeOutlined />, group: 'main', testId: 'nav-home' },
  {
    key: 'divisions',
    path: '/divisions',
    permission: 'division.read',
    icon: <ApartmentOutlined />,
    group: 'main',
    testId: 'nav-divisions',
  },
  {
    key: 'analysis',
    path: '/analysis',
    permission: 'stats.read',
    icon: <AreaChartOutlined />,
    group: 'main',
    testId: 'nav-analysis',
  },
  {
    key: 'catalog',
    path: '/exchange/catalog',
    permission: 'catalog.read',
    icon: <ProfileOutlined />,
    group: 'groupExchange',
    testId: 'nav-catalog',
  },
  {
    key: 'upload',
    path: '/exchange/upload',
    permission: 'submission.create',
    icon: <CloudUploadOutlined />,
    group: 'groupExchange',
    testId: 'nav-upload',
  },
  {
    key: 'submissions',
    path: '/exchange/submissions',
    permission: 'submission.read',
    icon: <HistoryOutlined />,
    group: 'groupExchange',
    testId: 'nav-submissions',
  },
  {
    key: 'persons',
    path: '/registry/persons',
    permission: 'person.read',
    icon: <IdcardOutlined />,
    group: 'groupRegistry',
    testId: 'nav-persons',
  },
  {
    key: 'reviews',
    path: '/registry/reviews',
    permission: 'link_review.decide',
    icon: <MergeCellsOutlined />,
    group: 'groupRegistry',
    testId: 'nav-reviews',
  },
  {
    key: 'agreements',
    path: '/sharing/agreements',
    permission: 'agreement.read',
    icon: <SafetyCertificateOutlined />,
    group: 'groupSharing',
    testId: 'nav-agreements',
  },
  {
    key: 'myData',
    path: '/sharing/my-data',
    permission: 'shared.read',
    icon: <DatabaseOutlined />,
    group: 'groupSharing',
    testId: 'nav-my-data',
  },
  {
    key: 'townDownloads',
    path: '/sharing/town-downloads',
    permission: 'shared.read',
    orgTypes: ['town', 'village'],
    icon: <CloudDownloadOutlined />,
    group: 'groupSharing',
    testId: 'nav-town-downloads',
  },
  {
    key: 'cases',
    path: '/crosscheck/cases',
    permission: 'case.read',
    icon: <ReconciliationOutlined />,
    group: 'groupCrosscheck',
    testId: 'nav-cases',
  },
  {
    key: 'crosscheckRules',
    path: '/crosscheck/rules',
    permission: 'case.read',
    icon: <FileSearchOutlined />,
    group: 'groupCrosscheck',
    testId: 'nav-crosscheck-rules',
  },
  {
    key: 'crosscheckQuality',
    path: '/crosscheck/quality',
    permission: 'case.read',
    icon: <BarChartOutlined />,
    group: 'groupCrosscheck',
    testId: 'nav-crosscheck-quality',
  },
  {
    key: 'orgs',
    path: '/admin/orgs',
    permission: 'org.read',
    icon: <BankOutlined />,
    group: 'groupAdmin',
    testId: 'nav-orgs',
  },
  {
    key: 'users',
    path: '/admin/users',
    permission: 'user.read',
    icon: <TeamOutlined />,
    group: 'groupAdmin',
    testId: 'nav-users',
  },
  {
    key: 'tokens',
    path: '/admin/tokens',
    permission: 'token.read',
    icon: <KeyOutlined />,
    group: 'groupAdmin',
    testId: 'nav-tokens',
  },
  {
    key: 'audit',
    path: '/audit',
    permission: 'audit.read',
    icon: <AuditOutlined />,
    group: 'groupMonitor',
    testId: 'nav-audit',
  },
  {
    key: 'system',
    path: '/system',
    permission: 'system.health',
    icon: <DashboardOutlined />,
    group: 'groupMonitor',
    testId: 'nav-system',
  },
  { key: 'password', path: '/account/password', icon: <LockOutlined />, group: 'groupAccount', testId: 'nav-password' },
];

/** Menu entries other than home: the ones with their own page and home-page link. */
export type PageNavItem = NavItem & { key: Exclude<NavKey, 'home'> };

/** Narrows a menu entry to one with its own page. */
export function isPageNavItem(item: NavItem): item is PageNavItem {
  return item.key !== 'home';
}

/** The menu entries a user with these permissions (and of this organisation type) may open. */
export function visibleNavItems(can: (permission: string) => boolean, orgType?: string): NavItem[] {
  return NAV_ITEMS.filter(
    (item) =>
      (!item.permission || can(item.permission)) &&
      (!item.orgTypes || (orgType !== undefined && item.orgTypes.includes(orgType))),
  );
}

/** The menu entry whose page contains `pathname` (longest path wins; `/` only matches itself). */
export function findNavItem(pathname: string): NavItem | undefined {
  let best: NavItem | undefined;
  for (const item of NAV_ITEMS) {
    const matches =
      item.path === '/' ? pathname === '/' : pathname === item.path || pathname.startsWith(`${item.path}/`);
    if (matches && (!best || item.path.length > best.path.length)) best = item;
  }
  return best;
}
