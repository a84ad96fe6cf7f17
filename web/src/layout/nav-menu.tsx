import { Menu } from 'antd';
import type { MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { findNavItem, visibleNavItems } from '../app/nav-items.js';
import type { NavGroup, NavItem } from '../app/nav-items.js';
import { useSession } from '../auth/session-context.js';

type MenuItems = NonNullable<MenuProps['items']>;

const GROUP_ORDER: readonly NavGroup[] = [
  'main',
  'groupExchange',
  'groupRegistry',
  'groupSharing',
  'groupCrosscheck',
  'groupAdmin',
  'groupMonitor',
  'groupAccount',
];

/**
 * The left menu: only the pages the user's permissions open, grouped by purpose. Collapsed to
 * icons, group titles would be cut off, so dividers separate the groups instead.
 */
export function NavMenu({ collapsed = false }: { collapsed?: boolean }) {
  const { t } = useTranslation();
  const { can, session } = useSession();
  const location = useLocation();
  const visible = visibleNavItems(can, session?.user.org.type);
  const toEntry = (item: NavItem) => ({
    key: item.path,
    icon: item.icon,
    label: (
      <Link to={item.path} data-testid={item.testId}>
        {t(`nav.${item.key}`)}
      </Link>
    ),
  });
  const items: MenuItems = [];
  for (const group of GROUP_ORDER) {
    const entries = visible.filter((item) => item.group === group).map(toEntry);
    if (entries.length === 0) continue;
    if (group === 'main') items.push(...entries);
    else if (collapsed) items.push({ type: 'divider', key: `${group}-divider` }, ...entries);
    else items.push({ type: 'group', key: group, label: t(`nav.${group}`), children: entries });
  }
  const selected = findNavItem(location.pathname);
  return (
    <Menu
      theme="dark"
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected.path] : []}
      data-testid="nav-menu"
    />
  );
}
