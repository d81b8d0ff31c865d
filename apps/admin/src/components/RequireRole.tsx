import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import type { Role } from '../api/types';
import { useAuth } from '../auth';
import { Spinner } from './ui';

/** Renders its children for the given roles; sends anyone else to sign in (or says it is not theirs). */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { me } = useAuth();
  const location = useLocation();
  if (me === undefined) {
    return (
      <div className="page">
        <Spinner />
      </div>
    );
  }
  if (!me) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (!roles.includes(me.user.role)) {
    return (
      <div className="page">
        <h1>Not available</h1>
        <p>This area is for {roles.map((r) => r.toLowerCase()).join(' and ')} accounts. You are signed in as {me.user.email}.</p>
      </div>
    );
  }
  return <>{children}</>;
}
