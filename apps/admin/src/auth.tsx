import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, getToken, onTokenChange, setToken } from './api/client';
import type { Me, Role, Session } from './api/types';

interface AuthState {
  /** undefined while the stored session is being checked; null when signed out. */
  me: Me | null | undefined;
  signIn(session: Session): Promise<void>;
  signOut(): Promise<void>;
  refresh(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(getToken() ? undefined : null);

  const refresh = useCallback(async () => {
    if (!getToken()) return setMe(null);
    try {
      setMe(await api.me());
    } catch {
      setToken(null);
      setMe(null);
    }
  }, []);

  useEffect(() => {
    void refresh();
    return onTokenChange(() => {
      if (!getToken()) setMe(null);
    });
  }, [refresh]);

  const signIn = useCallback(async (session: Session) => {
    setToken(session.token);
    await refresh();
  }, [refresh]);

  const signOut = useCallback(async () => {
    await api.logout().catch(() => undefined);
    setToken(null);
    setMe(null);
  }, []);

  const value = useMemo(() => ({ me, signIn, signOut, refresh }), [me, signIn, signOut, refresh]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const v = useContext(AuthContext);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}

/** Where a role lands after signing in. */
export function homeFor(role: Role): string {
  switch (role) {
    case 'ADMIN':
    case 'SUPPORT':
      return '/admin/suppliers';
    case 'SUPPLIER':
      return '/supplier';
    default:
      return '/catalog';
  }
}
