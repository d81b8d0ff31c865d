import type { Role } from './role';

export type UserStatus = 'ACTIVE' | 'DISABLED';

/** A person (or automation owner) who signs in. SUPPLIER and RETAILER users belong to one tenant. */
export interface User {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly status: UserStatus;
  readonly passwordHash: string;
  readonly supplierId: string | null;
  readonly retailerId: string | null;
  readonly createdAt: Date;
  readonly lastLoginAt: Date | null;
}

/** Who is calling: derived from a session token or an API key on every request. */
export interface Principal {
  readonly userId: string;
  readonly role: Role;
  readonly supplierId: string | null;
  readonly retailerId: string | null;
  readonly via: 'session' | 'api-key';
  readonly apiKeyId?: string;
}

/** The user as shown to clients: never the password hash. */
export function publicUser(u: User) {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    status: u.status,
    supplierId: u.supplierId,
    retailerId: u.retailerId,
    createdAt: u.createdAt.toISOString(),
  };
}

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();
