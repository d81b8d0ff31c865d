import { conflict, normalizeEmail, type CredentialRepository, type UserRepository } from '@dropship/core';
import { clone, newestFirst, paginate, type Exec } from './memory-state';

/** Users, unique by normalised email. */
export function memoryUsers(exec: Exec): UserRepository {
  return {
    create: (user) =>
      exec((s) => {
        const email = normalizeEmail(user.email);
        if ([...s.users.values()].some((u) => normalizeEmail(u.email) === email)) {
          throw conflict('ACCOUNTS.EMAIL_TAKEN', 'A user with this email already exists.');
        }
        if (s.users.has(user.id)) throw conflict('USER.ALREADY_EXISTS', 'A user with this id already exists.');
        s.users.set(user.id, clone(user));
        return clone(user);
      }),
    findById: (id) => exec((s) => clone(s.users.get(id) ?? null)),
    findByEmail: (email) =>
      exec((s) => clone([...s.users.values()].find((u) => normalizeEmail(u.email) === normalizeEmail(email)) ?? null)),
    setTenant: (userId, tenant) =>
      exec((s) => {
        const u = s.users.get(userId);
        if (!u) return;
        s.users.set(userId, {
          ...u,
          ...(tenant.supplierId !== undefined ? { supplierId: tenant.supplierId } : {}),
          ...(tenant.retailerId !== undefined ? { retailerId: tenant.retailerId } : {}),
        });
      }),
    touchLogin: (userId, at) =>
      exec((s) => {
        const u = s.users.get(userId);
        if (u) s.users.set(userId, { ...u, lastLoginAt: new Date(at) });
      }),
    list: (filter) =>
      exec((s) => {
        const rows = [...s.users.values()].filter((u) => !filter.role || u.role === filter.role);
        return clone(paginate(rows.sort(newestFirst((u) => u.createdAt)), filter.page, filter.pageSize));
      }),
    count: () => exec((s) => s.users.size),
  };
}

/** Session tokens and API keys, stored by hash. */
export function memoryCredentials(exec: Exec): CredentialRepository {
  return {
    create: (credential) =>
      exec((s) => {
        const clash = s.credentials.has(credential.id) || [...s.credentials.values()].some((c) => c.tokenHash === credential.tokenHash);
        if (clash) throw conflict('CREDENTIAL.ALREADY_EXISTS', 'This credential already exists.');
        s.credentials.set(credential.id, clone(credential));
      }),
    findByHash: (tokenHash) => exec((s) => clone([...s.credentials.values()].find((c) => c.tokenHash === tokenHash) ?? null)),
    listApiKeys: (userId) =>
      exec((s) =>
        clone([...s.credentials.values()].filter((c) => c.userId === userId && c.kind === 'api-key').sort(newestFirst((c) => c.createdAt))),
      ),
    revoke: (userId, id, at) =>
      exec((s) => {
        const c = s.credentials.get(id);
        if (!c || c.userId !== userId) return false;
        if (c.revokedAt === null) s.credentials.set(id, { ...c, revokedAt: new Date(at) });
        return true;
      }),
    touch: (id, at) =>
      exec((s) => {
        const c = s.credentials.get(id);
        if (c) s.credentials.set(id, { ...c, lastUsedAt: new Date(at) });
      }),
  };
}
