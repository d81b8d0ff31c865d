import type { Knex } from 'knex';
import {
  conflict,
  deriveStatus,
  isUuid,
  notFound,
  uuidv7,
  type Page,
  type ProductDraft,
  type ProductRepository,
  type ProductSearchCriteria,
  type SupplierProduct,
  type UpsertOutcome,
  type UpdatableProductField,
  UPDATABLE_PRODUCT_FIELDS,
} from '@dropship/core';
import { PRODUCT_COLUMNS, toProduct } from '../row-mappers';
import { deriveStatusSql, draftColumns, listedSql } from './product-sql';
import { searchProducts } from './postgres-product-search';

/** Supplier catalogs: writes keep `status` derived and `listed` in step with the supplier. */
/** Which columns each updatable draft field owns (money fields carry their currency). */
const UPSERT_COLUMNS: readonly (readonly [UpdatableProductField, readonly string[]])[] = [
  ['title', ['title']],
  ['description', ['description']],
  ['wholesalePrice', ['wholesale_price_minor', 'currency']],
  ['msrp', ['msrp_minor']],
  ['images', ['images']],
  ['categorySlug', ['category_slug']],
  ['weightGrams', ['weight_grams']],
  ['shippingClass', ['shipping_class']],
  ['inventoryQuantity', ['inventory_quantity']],
  ['discontinued', ['discontinued']],
];

export class PostgresProductRepository implements ProductRepository {
  constructor(private readonly db: Knex) {}

  async create(p: SupplierProduct): Promise<SupplierProduct> {
    const rows = await this.db('supplier_products')
      .insert({
        id: p.id,
        supplier_id: p.supplierId,
        ...draftColumns(p),
        reserved_quantity: p.reservedQuantity,
        status: deriveStatus(p.discontinued, p.inventoryQuantity, p.reservedQuantity),
        listed: listedSql(this.db, p.supplierId),
        created_at: p.createdAt,
        updated_at: p.updatedAt,
      })
      .onConflict()
      .ignore()
      .returning(PRODUCT_COLUMNS);
    if (!rows[0]) throw conflict('CATALOG.DUPLICATE_SKU', 'The supplier already has a product with this SKU.', { sku: p.sku });
    return toProduct(rows[0]);
  }

  async findById(id: string, scope?: { supplierId: string }): Promise<SupplierProduct | null> {
    if (!isUuid(id)) return null;
    const r = await this.db('supplier_products')
      .where({ id })
      .modify((q) => (scope ? q.where({ supplier_id: scope.supplierId }) : q))
      .first(PRODUCT_COLUMNS);
    return r ? toProduct(r) : null;
  }

  async findBySku(supplierId: string, sku: string): Promise<SupplierProduct | null> {
    if (!isUuid(supplierId)) return null;
    const r = await this.db('supplier_products').where({ supplier_id: supplierId, sku }).first(PRODUCT_COLUMNS);
    return r ? toProduct(r) : null;
  }

  async update(p: SupplierProduct): Promise<SupplierProduct> {
    if (!isUuid(p.id) || !isUuid(p.supplierId)) throw notFound('CATALOG.PRODUCT_NOT_FOUND', 'Product not found.');
    const { sku: _sku, ...editable } = draftColumns(p);
    const rows = await this.db('supplier_products')
      .where({ id: p.id, supplier_id: p.supplierId })
      .update({
        ...editable,
        status: this.db.raw(deriveStatusSql('?', 'reserved_quantity', '?'), [p.discontinued, p.inventoryQuantity]),
        updated_at: p.updatedAt,
      })
      .returning(PRODUCT_COLUMNS);
    if (!rows[0]) throw notFound('CATALOG.PRODUCT_NOT_FOUND', 'Product not found.');
    return toProduct(rows[0]);
  }

  async upsertMany(supplierId: string, drafts: readonly ProductDraft[], at: Date, fields: readonly UpdatableProductField[] = UPDATABLE_PRODUCT_FIELDS): Promise<UpsertOutcome> {
    if (drafts.length === 0) return { created: 0, updated: 0 };
    const data = drafts.map((d) => ({ id: uuidv7(at.getTime()), ...draftColumns(d), images: d.images }));
    const set = new Set(fields);
    const assignments = UPSERT_COLUMNS.filter(([field]) => set.has(field)).flatMap(([, columns]) => columns.map((c) => `${c} = excluded.${c}`));
    const qty = set.has('inventoryQuantity') ? 'excluded.inventory_quantity' : 'p.inventory_quantity';
    const discontinued = set.has('discontinued') ? 'excluded.discontinued' : 'p.discontinued';
    // One set-based statement: rows arrive as a JSON array, conflicts on (supplier_id, sku) update in place.
    const result = await this.db.raw(
      `INSERT INTO supplier_products AS p (id, supplier_id, sku, title, description, wholesale_price_minor, msrp_minor,
         currency, images, category_slug, weight_grams, shipping_class, inventory_quantity, reserved_quantity,
         discontinued, status, listed, created_at, updated_at)
       SELECT d.id, CAST(:supplierId AS uuid), d.sku, d.title, d.description, d.wholesale_price_minor, d.msrp_minor, d.currency,
         d.images, d.category_slug, d.weight_grams, d.shipping_class, d.inventory_quantity, 0, d.discontinued,
         ${deriveStatusSql('d.inventory_quantity', '0', 'd.discontinued')}, s.listed, CAST(:at AS timestamptz), CAST(:at AS timestamptz)
       FROM jsonb_to_recordset(CAST(:data AS jsonb)) AS d(id uuid, sku text, title text, description text,
         wholesale_price_minor integer, msrp_minor integer, currency text, images jsonb, category_slug text,
         weight_grams integer, shipping_class text, inventory_quantity integer, discontinued boolean)
       CROSS JOIN (SELECT coalesce((SELECT status = 'ACTIVE' FROM suppliers WHERE id = CAST(:supplierId AS uuid)), false) AS listed) s
       ON CONFLICT (supplier_id, sku) DO UPDATE SET
         ${[...assignments, ''].join(', ')}
         status = ${deriveStatusSql(qty, 'p.reserved_quantity', discontinued)},
         updated_at = excluded.updated_at
       RETURNING (xmax = 0) AS inserted`,
      { supplierId, at, data: JSON.stringify(data) },
    );
    const rows = result.rows as { inserted: boolean }[];
    const created = rows.filter((r) => r.inserted).length;
    return { created, updated: rows.length - created };
  }

  async existingSkus(supplierId: string, skus: readonly string[]): Promise<string[]> {
    if (skus.length === 0 || !isUuid(supplierId)) return [];
    const rows = await this.db('supplier_products').select('sku').where('supplier_id', supplierId).whereIn('sku', [...skus]);
    return rows.map((r: { sku: string }) => r.sku);
  }

  async setInventory(supplierId: string, productId: string, quantity: number, at: Date): Promise<SupplierProduct | null> {
    if (!isUuid(productId) || !isUuid(supplierId)) return null;
    const rows = await this.db('supplier_products')
      .where({ id: productId, supplier_id: supplierId })
      .update({ inventory_quantity: quantity, status: this.db.raw(deriveStatusSql('?'), [quantity]), updated_at: at })
      .returning(PRODUCT_COLUMNS);
    return rows[0] ? toProduct(rows[0]) : null;
  }

  async setInventoryBySku(
    supplierId: string,
    items: readonly { sku: string; quantity: number }[],
    at: Date,
  ): Promise<{ updated: number; unknownSkus: string[] }> {
    if (items.length === 0) return { updated: 0, unknownSkus: [] };
    const result = await this.db.raw(
      `UPDATE supplier_products AS p
         SET inventory_quantity = d.quantity, status = ${deriveStatusSql('d.quantity', 'p.reserved_quantity', 'p.discontinued')}, updated_at = :at
       FROM (SELECT DISTINCT ON (sku) sku, quantity FROM jsonb_to_recordset(CAST(:items AS jsonb)) AS x(sku text, quantity integer, ord integer)
             ORDER BY sku, ord DESC) AS d
       WHERE p.supplier_id = :supplierId AND p.sku = d.sku
       RETURNING p.sku`,
      { at, supplierId, items: JSON.stringify(items.map((i, ord) => ({ ...i, ord }))) },
    );
    const found = new Set((result.rows as { sku: string }[]).map((r) => r.sku));
    const unknownSkus = [...new Set(items.map((i) => i.sku))].filter((s) => !found.has(s));
    return { updated: found.size, unknownSkus };
  }

  async search(criteria: ProductSearchCriteria): Promise<Page<SupplierProduct>> {
    return searchProducts(this.db, criteria);
  }

  async countBySupplier(supplierId: string): Promise<number> {
    if (!isUuid(supplierId)) return 0;
    const r = await this.db('supplier_products').where({ supplier_id: supplierId }).count<{ n: number }[]>({ n: '*' });
    return Number(r[0]?.n ?? 0);
  }
}
