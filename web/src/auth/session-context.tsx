import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { isApiError } from '../api/api-error.js';
import { api, apiRequest, onUnauthenticated, setCsrfToken } from '../api/client.js';
import type { Session } from '../api/types.js';

/** Why nobody is signed in: shown as a note on the login page. */
export type SignedOutReason = 'expired' | 'loggedOut' | null;

export type SessionState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'anonymous'; reason: SignedOutReason }
  | { status: 'authenticated'; session: Session };

export interface SessionApi {
  state: SessionState;
  session: Session | null;
  login: (username: string, password: string) => Promise<Session>;
  logout: () => Promise<void>;
  refresh: () => Promise<Session | null>;
  can: (permission: string) => boolean;
}

const SessionContext = createContext<SessionApi | null>(null);

const ME_PATH = '/api/v1/auth/me';

/** Holds who is signed in, loads it from `GET /auth/me` on start, and keeps the CSRF token. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const adopt = useCallback((session: Session) => {
    setCsrfToken(session.csrfToken);
    setState({ status: 'authenticated', session });
    return session;
  }, []);

  const signOut = useCallback((reason: SignedOutReason) => {
    setCsrfToken(null);
    setState({ status: 'anonymous', reason });
  }, []);

  const refresh = useCallback(async () => {
    try {
      return adopt(await apiRequest<Session>('GET', ME_PATH, { allowUnauthenticated: true }));
    } catch (err) {
      if (isApiError(err) && err.status === 401) {
        signOut(null);
        return null;
      }
      setState({ status: 'error', error: err });
      return null;
    }
  }, [adopt, signOut]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    onUnauthenticated(() => {
      setCsrfToken(null);
      setState((prev) => (prev.status === 'authenticated' ? { status: 'anonymous', reason: 'expired' } : prev));
    });
    return () => onUnauthenticated(null);
  }, []);

  const login = useCallback(
    async (username: string, password: string) =>
      adopt(
        await apiRequest<Session>('POST', '/api/v1/auth/login', {
          body: { username, password },
          allowUnauthenticated: true,
        }),
      ),
    [adopt],
  );

  const logout = useCallback(async () => {
    try {
      await api.post<void>('/api/v1/auth/logout');
    } catch {
      // The cookie may already be gone; signing out locally is what matters.
    }
    signOut('loggedOut');
  }, [signOut]);

  const value = useMemo<SessionApi>(() => {
    const session = state.status === 'authenticated' ? state.session : null;
    const granted = new Set(session?.permissions ?? []);
    return { state, session, login, logout, refresh, can: (p) => granted.has(p) };
  }, [state, login, logout, refresh]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session API; only valid below SessionProvider. */
export function useSession(): SessionApi {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession must be used inside SessionProvider');
  return ctx;
}

/** The signed-in session; only valid below RequireAuth. */
export function useSignedIn(): Session {
  const { session } = useSession();
  if (!session) throw new Error('useSignedIn must be used below RequireAuth');
  return session;
}
