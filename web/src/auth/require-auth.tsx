import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { ErrorState } from '../components/error-state.js';
import { LoadingState } from '../components/loading-state.js';
import { useSession } from './session-context.js';

/** Where the password page lives; users who must change their password are held there. */
export const PASSWORD_PATH = '/account/password';

/** State passed to /login so it can return the user and explain why they are there. */
export interface LoginRouteState {
  from?: string;
}

/** Renders its children for a signed-in user; otherwise sends them to the login page. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { state, refresh } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <LoadingState fullPage />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={() => void refresh()} />;
  if (state.status === 'anonymous') {
    const from = `${location.pathname}${location.search}`;
    const loginState: LoginRouteState = { from };
    return <Navigate to="/login" replace state={loginState} />;
  }
  if (state.session.user.mustChangePassword && location.pathname !== PASSWORD_PATH) {
    return <Navigate to={PASSWORD_PATH} replace />;
  }
  return <>{children}</>;
}
