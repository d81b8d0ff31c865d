import type { Knex } from 'knex';
import { isUuid, type ListedProduct, type Listing, type ListingRepository, type Page } from '@dropship/core';
import { PRODUCT_COLUMNS, toProduct, type Row } from '../row-mappers';

const toListing = (r: Row): Listing => ({
  id: r.id,
  retailerId: r.retailer_id,
  supplierProductId: r.supplier_product_id,
  storeId: r.store_id ?? null,
  retailPrice: { amountMinor: Number(r.retail_price_minor), currency: String(r.currency).trim() },
  status: r.status,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
});

/** A retailer's listings (`retailer_products`). */
export class PostgresListingRepository implements ListingRepository {
  constructor(private readonly db: Knex) {}

  async upsertMany(listings: readonly Listing[]): Promise<{ created: number; updated: number }> {
    if (listings.length === 0) return { created: 0, updated: 0 };
    const rows: Row[] = await this.db('retailer_products')
      .insert(
        listings.map((l) => ({
          id: l.id,
          retailer_id: l.retailerId,
          supplier_product_id: l.supplierProductId,
          store_id: l.storeId,
          retail_price_minor: l.retailPrice.amountMinor,
          currency: l.retailPrice.currency,
          status: l.status,
          created_at: l.createdAt,
          updated_at: l.updatedAt,
        })),
      )
      .onConflict(['retailer_id', 'supplier_product_id'])
      .merge(['retail_price_minor', 'currency', 'store_id', 'status', 'updated_at'])
      .returning(this.db.raw('(xmax = 0) AS inserted'));
    const created = rows.filter((r) => r.inserted === true).length;
    return { created, updated: rows.length - created };
  }

  async findByProducts(retailerId: string, supplierProductIds: readonly string[]): Promise<Listing[]> {
    const ids = supplierProductIds.filter(isUuid);
    if (!isUuid(retailerId) || ids.length === 0) return [];
    const rows = await this.db('retailer_products').where({ retailer_id: retailerId }).whereIn('supplier_product_id', ids).select('*');
    return rows.map(toListing);
  }

  async list(f: { retailerId: string; page: number; pageSize: number }): Promise<Page<ListedProduct>> {
    if (!isUuid(f.retailerId)) return { items: [], total: 0, page: f.page, pageSize: f.pageSize };
    const [rows, count] = await Promise.all([
      this.db('retailer_products as l')
        .join('supplier_products as p', 'p.id', 'l.supplier_product_id')
        .where('l.retailer_id', f.retailerId)
        .select('l.*', ...PRODUCT_COLUMNS.map((c) => `p.${c} as p_${c}`))
        .orderBy([{ column: 'l.created_at', order: 'desc' }, { column: 'l.id', order: 'desc' }])
        .limit(f.pageSize)
        .offset((f.page - 1) * f.pageSize),
      this.db('retailer_products').where({ retailer_id: f.retailerId }).count<{ n: number }[]>({ n: '*' }),
    ]);
    const items = rows.map((r: Row) => ({
      listing: toListing(r),
      product: toProduct(Object.fromEntries(PRODUCT_COLUMNS.map((c) => [c, r[`p_${c}`]]))),
    }));
    return { items, total: Number(count[0]?.n ?? 0), page: f.page, pageSize: f.pageSize };
  }
}
