import { applicationSteps, notFound, parseMoney, type ApplicationPatch, type Principal } from '@dropship/core';
import type { Handler } from '../http/context';
import { privateSupplier } from '../http/presenters';
import { value } from './accounts.routes';

const actor = (principal: Principal | null, requestId: string) => ({ principal: principal!, requestId });

/** The application view: supplier, steps, and the integrations the supplier may choose. */
function view(v: { supplier: Parameters<typeof privateSupplier>[0]; steps: unknown }, integrations?: readonly { name: string; description: string }[]) {
  return { supplier: privateSupplier(v.supplier), steps: v.steps, ...(integrations ? { integrations } : {}) };
}

function toPatch(body: Record<string, unknown>): ApplicationPatch {
  const { minOrderValue, ...rest } = body as { minOrderValue?: string } & Record<string, unknown>;
  return { ...(rest as ApplicationPatch), ...(minOrderValue !== undefined ? { minOrderValue: value(parseMoney(minOrderValue, 'USD', '/minOrderValue')) } : {}) };
}

export const onboardingHandlers: Record<string, Handler> = {
  async startApplication({ principal, requestId, body }, { platform }) {
    return { status: 201, body: view(value(await platform.services.onboarding.start(actor(principal, requestId), body)), platform.integrations.available()) };
  },
  async getApplication({ principal, requestId }, { platform }) {
    return { body: view(value(await platform.services.onboarding.get(actor(principal, requestId))), platform.integrations.available()) };
  },
  async updateApplication({ principal, requestId, body }, { platform, caches }) {
    const v = value(await platform.services.onboarding.update(actor(principal, requestId), toPatch(body)));
    caches.suppliers.delete(v.supplier.id);
    return { body: view(v) };
  },
  async submitApplication({ principal, requestId }, { platform }) {
    return { body: view(value(await platform.services.onboarding.submit(actor(principal, requestId)))) };
  },

  async adminListSuppliers({ query }, { platform }) {
    const page = await platform.persistence.repos.suppliers.list({ status: query.status, q: query.q, page: query.page ?? 1, pageSize: query.pageSize ?? 24 });
    return { body: { suppliers: page.items.map((s) => privateSupplier(s, s.productCount)), total: page.total } };
  },
  async adminGetSupplier({ params }, { platform }) {
    const s = await platform.persistence.repos.suppliers.findById(params.id);
    if (!s) throw notFound('SUPPLIER.NOT_FOUND', 'No such supplier.');
    return { body: { supplier: privateSupplier(s), steps: applicationSteps(s) } };
  },
  ...Object.fromEntries(
    (['approve', 'reject', 'suspend', 'reinstate'] as const).map((action) => [
      `${action}Supplier`,
      (async ({ principal, requestId, params, body }, { platform, caches }) => {
        const v = value(await platform.services.onboarding.review(actor(principal, requestId), params.id, action, body?.reason ?? null));
        caches.suppliers.delete(v.supplier.id);
        caches.search.clear();
        return { body: view(v) };
      }) satisfies Handler,
    ]),
  ),
};
