import { type IdempotencyRepository, type IdempotencyScope, type ListingRepository } from '@dropship/core';
import { clone, newestFirst, paginate, type Exec } from './memory-state';

/** Retailer listings, unique by (retailerId, supplierProductId). */
export function memoryListings(exec: Exec): ListingRepository {
  const keyOf = (retailerId: string, productId: string) => `${retailerId}/${productId}`;
  return {
    upsertMany: (listings) =>
      exec((s) => {
        let created = 0;
        let updated = 0;
        for (const l of clone(listings)) {
          const key = keyOf(l.retailerId, l.supplierProductId);
          const current = s.listings.get(key);
          if (current) {
            s.listings.set(key, { ...current, retailPrice: l.retailPrice, storeId: l.storeId, status: l.status, updatedAt: l.updatedAt });
            updated++;
          } else {
            s.listings.set(key, l);
            created++;
          }
        }
        return { created, updated };
      }),
    findByProducts: (retailerId, ids) =>
      exec((s) => clone(ids.map((id) => s.listings.get(keyOf(retailerId, id))).filter((l) => l !== undefined))),
    list: (f) =>
      exec((s) => {
        const rows = [...s.listings.values()]
          .filter((l) => l.retailerId === f.retailerId && s.products.has(l.supplierProductId))
          .sort(newestFirst((l) => l.createdAt))
          .map((listing) => ({ listing, product: s.products.get(listing.supplierProductId)! }));
        return clone(paginate(rows, f.page, f.pageSize));
      }),
  };
}

const scopeKey = (k: IdempotencyScope) => JSON.stringify([k.tenant, k.principal, k.route, k.key]);

/** Idempotency keys; the serialised store gives `begin` its single winner. */
export function memoryIdempotency(exec: Exec): IdempotencyRepository {
  return {
    begin: (scope, requestHash, at, staleBefore) =>
      exec((s) => {
        const current = s.idempotency.get(scopeKey(scope));
        if (current && !(current.state === 'IN_PROGRESS' && current.updatedAt < staleBefore)) return { won: false as const, record: clone(current) };
        s.idempotency.set(scopeKey(scope), { ...clone(scope), requestHash, state: 'IN_PROGRESS', response: null, createdAt: new Date(at), updatedAt: new Date(at) });
        return { won: true as const };
      }),
    complete: (scope, response, at) =>
      exec((s) => {
        const current = s.idempotency.get(scopeKey(scope));
        if (current) s.idempotency.set(scopeKey(scope), { ...current, state: 'DONE', response: clone(response), updatedAt: new Date(at) });
      }),
    abandon: (scope) =>
      exec((s) => {
        if (s.idempotency.get(scopeKey(scope))?.state === 'IN_PROGRESS') s.idempotency.delete(scopeKey(scope));
      }),
    find: (scope) => exec((s) => clone(s.idempotency.get(scopeKey(scope)) ?? null)),
  };
}
