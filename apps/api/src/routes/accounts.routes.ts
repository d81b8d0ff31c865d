import { randomBytes } from 'node:crypto';
import { unwrap, notFound, uuidv7, type Result, type DomainError } from '@dropship/core';
import type { Handler } from '../http/context';
import { presentRetailer, privateSupplier, publicUser } from '../http/presenters';

/** Throws the domain error of a failed result (the error middleware turns it into problem+json). */
export const value = <T>(r: Result<T, DomainError>): T => unwrap(r);

export const accountHandlers: Record<string, Handler> = {
  async register({ body }, { platform }) {
    const s = value(await platform.services.accounts.register(body));
    return { status: 201, body: { user: publicUser(s.user), token: s.token, ...(s.retailer ? { retailer: presentRetailer(s.retailer) } : {}) } };
  },

  async login({ body }, { platform }) {
    const s = value(await platform.services.accounts.login(body));
    return { body: { user: publicUser(s.user), token: s.token } };
  },

  async logout({ principal, token }, { platform }) {
    if (principal && token) await platform.services.accounts.logout(principal, token);
    return { status: 204 };
  },

  async me({ principal }, { platform }) {
    const repos = platform.persistence.repos;
    const user = await repos.users.findById(principal!.userId);
    if (!user) throw notFound('ACCOUNTS.USER_NOT_FOUND', 'Your account no longer exists.');
    const retailer = user.retailerId ? await repos.retailers.findById(user.retailerId) : null;
    const supplier = user.supplierId ? await repos.suppliers.findById(user.supplierId) : null;
    return {
      body: {
        user: publicUser(user),
        ...(retailer ? { retailer: presentRetailer(retailer) } : {}),
        ...(supplier ? { supplier: privateSupplier(supplier) } : {}),
      },
    };
  },

  async listApiKeys({ principal }, { platform }) {
    const keys = await platform.persistence.repos.credentials.listApiKeys(principal!.userId);
    return {
      body: {
        apiKeys: keys.map((k) => ({
          id: k.id,
          prefix: k.prefix,
          name: k.name,
          createdAt: k.createdAt.toISOString(),
          lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
          revokedAt: k.revokedAt?.toISOString() ?? null,
        })),
      },
    };
  },

  async createApiKey({ principal, body }, { platform }) {
    const k = await platform.services.accounts.createApiKey(principal!, body?.name ?? null);
    return { status: 201, body: { ...k, name: body?.name ?? null } };
  },

  async revokeApiKey({ principal, params }, { platform }) {
    const done = await platform.services.accounts.revokeApiKey(principal!, params.id);
    if (!done) throw notFound('ACCOUNTS.API_KEY_NOT_FOUND', 'No such API key.');
    return { status: 204 };
  },

  async adminListUsers({ query }, { platform }) {
    const page = await platform.persistence.repos.users.list({ role: query.role, page: query.page ?? 1, pageSize: query.pageSize ?? 24 });
    return { body: { users: page.items.map(publicUser), total: page.total } };
  },

  async adminAudit({ query }, { platform }) {
    const page = await platform.persistence.repos.audit.list({ targetType: query.targetType, targetId: query.targetId, actorUserId: query.actorUserId, page: query.page ?? 1, pageSize: query.pageSize ?? 50 });
    return { body: { entries: page.items.map((e) => ({ ...e, at: e.at.toISOString() })), total: page.total } };
  },

  async adminCreateUser({ body, principal, requestId }, { platform }) {
    const temporaryPassword = body.password ? undefined : randomBytes(12).toString('base64url');
    const user = value(await platform.services.accounts.createStaffUser({ ...body, password: body.password ?? temporaryPassword! }));
    await platform.persistence.repos.audit.record({
      id: uuidv7(),
      actorUserId: principal!.userId,
      actorRole: principal!.role,
      action: 'user.create',
      targetType: 'user',
      targetId: user.id,
      details: { role: user.role, email: user.email },
      requestId,
      at: platform.clock.now(),
    });
    return { status: 201, body: { user: publicUser(user), ...(temporaryPassword ? { temporaryPassword } : {}) } };
  },
};
