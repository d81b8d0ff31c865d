export const ROLES = ['ADMIN', 'SUPPORT', 'SUPPLIER', 'RETAILER'] as const;
export type Role = (typeof ROLES)[number];

/** Roles anyone can sign up for; ADMIN and SUPPORT are invited by an admin. */
export const SELF_SERVICE_ROLES = ['RETAILER', 'SUPPLIER'] as const satisfies readonly Role[];

export const PERMISSIONS = [
  'catalog:read',
  'catalog:manage-own',
  'onboarding:manage-own',
  'onboarding:review',
  'suppliers:manage',
  'users:invite',
  'audit:read',
  'jobs:read-own',
  'jobs:read-any',
  'orders:read-any',
  'orders:place',
  'orders:fulfil-own',
  'apikeys:manage-own',
  'settings:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const everyone: Permission[] = ['catalog:read', 'apikeys:manage-own', 'jobs:read-own'];

/** Role → permissions. The single table every authorization check reads. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, ReadonlySet<Permission>>> = {
  ADMIN: new Set<Permission>([...PERMISSIONS]),
  SUPPORT: new Set<Permission>([...everyone, 'orders:read-any', 'jobs:read-any', 'audit:read']),
  SUPPLIER: new Set<Permission>([...everyone, 'catalog:manage-own', 'onboarding:manage-own', 'orders:fulfil-own']),
  RETAILER: new Set<Permission>([...everyone, 'orders:place']),
};

export const hasPermission = (role: Role, permission: Permission): boolean => ROLE_PERMISSIONS[role].has(permission);
