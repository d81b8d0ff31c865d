import { conflict, forbidden, notFound, unprocessable, validationError, type DomainError } from '../../shared/domain-error';
import { err, ok, type Result } from '../../shared/result';
import { uuidv7 } from '../../shared/ids';
import type { Actor } from '../../shared/actor';
import type { Clock } from '../../ports/clock.port';
import type { Repositories } from '../../ports/repositories.port';
import type { UnitOfWork } from '../../ports/unit-of-work.port';
import { deriveStatus, type ProductDraft, type SupplierProduct } from '../product.entity';
import { validateDraft } from '../product-rules';
import type { Page, ProductSearchCriteria } from '../search-criteria';

export interface CatalogDeps {
  readonly repos: Repositories;
  readonly uow: UnitOfWork;
  readonly clock: Clock;
}

/** A supplier's own catalog: create, edit, stock updates; and the public catalog search. */
export class CatalogService {
  constructor(private readonly d: CatalogDeps) {}

  /** Adds a product to the caller's catalog. */
  async create(actor: Actor, draft: ProductDraft): Promise<Result<SupplierProduct, DomainError>> {
    const supplierId = supplierOf(actor);
    if (!supplierId) return err(noSupplier());
    const problems = validateDraft(draft);
    if (problems.length) return err(validationError('CATALOG.INVALID_PRODUCT', 'The product is not valid.', problems));
    const cat = await this.checkCategory(draft.categorySlug);
    if (cat) return err(cat);
    const now = this.d.clock.now();
    const product: SupplierProduct = {
      ...draft,
      id: uuidv7(),
      supplierId,
      reservedQuantity: 0,
      status: deriveStatus(draft.discontinued, draft.inventoryQuantity),
      createdAt: now,
      updatedAt: now,
    };
    try {
      return ok(await this.d.repos.products.create(product));
    } catch (e) {
      if ((e as DomainError).code === 'CATALOG.DUPLICATE_SKU') {
        return err(conflict('CATALOG.DUPLICATE_SKU', `You already have a product with SKU ${draft.sku}.`));
      }
      throw e;
    }
  }

  /** Changes editable fields of the caller's product; another supplier's product is a 404. */
  async update(actor: Actor, id: string, patch: Partial<ProductDraft>): Promise<Result<SupplierProduct, DomainError>> {
    const supplierId = supplierOf(actor);
    if (!supplierId) return err(noSupplier());
    const current = await this.d.repos.products.findById(id, { supplierId });
    if (!current) return err(productNotFound());
    const next = { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as SupplierProduct;
    const problems = validateDraft(next);
    if (problems.length) return err(validationError('CATALOG.INVALID_PRODUCT', 'The product is not valid.', problems));
    if (patch.categorySlug !== undefined) {
      const cat = await this.checkCategory(patch.categorySlug);
      if (cat) return err(cat);
    }
    const saved = await this.d.repos.products.update({
      ...next,
      status: deriveStatus(next.discontinued, next.inventoryQuantity, next.reservedQuantity),
      updatedAt: this.d.clock.now(),
    });
    return ok(saved);
  }

  /** Reads one of the caller's products. */
  async getOwn(actor: Actor, id: string): Promise<Result<SupplierProduct, DomainError>> {
    const supplierId = supplierOf(actor);
    if (!supplierId) return err(noSupplier());
    const p = await this.d.repos.products.findById(id, { supplierId });
    return p ? ok(p) : err(productNotFound());
  }

  /** Sets on-hand stock of one product (the supplier's real figure). */
  async setInventory(actor: Actor, id: string, quantity: number): Promise<Result<SupplierProduct, DomainError>> {
    const supplierId = supplierOf(actor);
    if (!supplierId) return err(noSupplier());
    const now = this.d.clock.now();
    const saved = await this.d.repos.products.setInventory(supplierId, id, quantity, now);
    return saved ? ok(saved) : err(productNotFound());
  }

  /** Bulk stock update by SKU; unknown SKUs are reported, not fatal. */
  async setInventoryBySku(actor: Actor, items: readonly { sku: string; quantity: number }[]): Promise<Result<{ updated: number; unknownSkus: string[] }, DomainError>> {
    const supplierId = supplierOf(actor);
    if (!supplierId) return err(noSupplier());
    const seen = new Set<string>();
    const dupes = items.filter((i) => (seen.has(i.sku) ? true : (seen.add(i.sku), false))).map((i) => i.sku);
    if (dupes.length) {
      return err(validationError('CATALOG.DUPLICATE_SKU_IN_REQUEST', 'Each SKU may appear once.', dupes.map((s) => ({ path: '/items', message: `SKU ${s} appears more than once` }))));
    }
    const now = this.d.clock.now();
    return ok(await this.d.repos.products.setInventoryBySku(supplierId, items, now));
  }

  /** The caller's catalog (all statuses, real stock). */
  listOwn(actor: Actor, criteria: Omit<ProductSearchCriteria, 'supplierId' | 'supplierStatus'>): Promise<Result<Page<SupplierProduct>, DomainError>> {
    const supplierId = supplierOf(actor);
    if (!supplierId) return Promise.resolve(err(noSupplier()));
    return this.d.repos.products.search({ ...criteria, supplierId }).then(ok);
  }

  /** Public catalog: products of ACTIVE suppliers only, never discontinued. */
  searchPublic(criteria: Omit<ProductSearchCriteria, 'supplierStatus' | 'status'>): Promise<Page<SupplierProduct>> {
    return this.d.repos.products.search({
      ...criteria,
      supplierStatus: 'ACTIVE',
      status: criteria.inStock ? ['ACTIVE'] : ['ACTIVE', 'OUT_OF_STOCK'],
    });
  }

  private async checkCategory(slug: string | null | undefined): Promise<DomainError | null> {
    if (!slug) return null;
    if (await this.d.repos.categories.exists(slug)) return null;
    return unprocessable('CATALOG.UNKNOWN_CATEGORY', `There is no category "${slug}"; see GET /api/categories.`, [
      { path: '/category', message: `unknown category "${slug}"` },
    ]);
  }
}

/** The supplier tenant of the caller, or null for anyone else. */
export function supplierOf(actor: Actor): string | null {
  return actor.principal.role === 'SUPPLIER' ? actor.principal.supplierId : null;
}

const noSupplier = () => forbidden('Start your supplier application first (POST /api/supplier/application).');
const productNotFound = () => notFound('CATALOG.PRODUCT_NOT_FOUND', 'No such product.');
