import type { ReactNode } from 'react';
import { ForbiddenPage } from '../pages/errors/forbidden-page.js';
import { useSession } from './session-context.js';

/** Shows the 403 page instead of `children` when the user lacks `permission`. */
export function RequirePermission({ permission, children }: { permission?: string; children: ReactNode }) {
  const { can } = useSession();
  if (permission && !can(permission)) return <ForbiddenPage />;
  return <>{children}</>;
}
