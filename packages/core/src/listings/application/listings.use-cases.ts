import { forbidden, unprocessable, type DomainError, type FieldError } from '../../shared/domain-error';
import { err, ok, type Result } from '../../shared/result';
import { exponentOf } from '../../shared/money';
import { uuidv7 } from '../../shared/ids';
import type { Actor } from '../../shared/actor';
import type { Clock } from '../../ports/clock.port';
import type { Repositories } from '../../ports/repositories.port';
import type { Page } from '../../catalog/search-criteria';
import { DEFAULT_MARKUP_PERCENT, retailPriceFor, type ListedProduct, type Listing } from '../listing.entity';

export interface ListingsDeps {
  readonly repos: Repositories;
  readonly clock: Clock;
}

export interface ImportListingsInput {
  readonly storeId?: string | null;
  readonly supplierProductIds: readonly string[];
  readonly pricing?: { readonly markupPercent?: number };
}

const retailerOf = (actor: Actor): string | null => (actor.principal.role === 'RETAILER' ? actor.principal.retailerId : null);

/** A retailer's listings: which catalog products it sells, at what price. */
export class ListingsService {
  constructor(private readonly d: ListingsDeps) {}

  /**
   * Lists catalog products for the retailer at wholesale + markup (default 100 %) rounded up to .99;
   * importing a product again updates its price. Publishing to stores comes with store connections.
   */
  async import(actor: Actor, input: ImportListingsInput): Promise<Result<{ imported: number; created: number; updated: number }, DomainError>> {
    const retailerId = retailerOf(actor);
    if (!retailerId) return err(forbidden('Only retailers list products.'));
    const ids = [...new Set(input.supplierProductIds)];
    const markup = input.pricing?.markupPercent ?? DEFAULT_MARKUP_PERCENT;
    const now = this.d.clock.now();
    const problems: FieldError[] = [];
    const listings: Listing[] = [];
    const supplierActive = new Map<string, boolean>();
    for (const [n, id] of ids.entries()) {
      const p = await this.d.repos.products.findById(id);
      if (p && !supplierActive.has(p.supplierId)) supplierActive.set(p.supplierId, (await this.d.repos.suppliers.findById(p.supplierId))?.status === 'ACTIVE');
      if (!p || p.discontinued || !supplierActive.get(p.supplierId)) {
        problems.push({ path: `/supplierProductIds/${n}`, message: 'is not a product in the catalog' });
        continue;
      }
      listings.push({
        id: uuidv7(now.getTime()),
        retailerId,
        supplierProductId: p.id,
        storeId: input.storeId ?? null,
        retailPrice: retailPriceFor(p.wholesalePrice, markup, exponentOf(p.wholesalePrice.currency)),
        status: 'ACTIVE',
        createdAt: now,
        updatedAt: now,
      });
    }
    if (problems.length) return err(unprocessable('LISTING.PRODUCT_UNAVAILABLE', 'Some products cannot be listed.', problems));
    const outcome = await this.d.repos.listings.upsertMany(listings);
    return ok({ imported: listings.length, ...outcome });
  }

  /** The retailer's listings with their catalog products. */
  async list(actor: Actor, paging: { page: number; pageSize: number }): Promise<Result<Page<ListedProduct>, DomainError>> {
    const retailerId = retailerOf(actor);
    if (!retailerId) return err(forbidden('Only retailers have listings.'));
    return ok(await this.d.repos.listings.list({ retailerId, ...paging }));
  }
}
