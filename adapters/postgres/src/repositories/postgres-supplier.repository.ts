import type { Knex } from 'knex';
import {
  conflict,
  isUuid,
  type Page,
  type SecretBox,
  type Supplier,
  type SupplierListFilter,
  type SupplierRepository,
} from '@dropship/core';
import { fromSupplier, toSupplier, type Row } from '../row-mappers';

const MAX_SLUG_ATTEMPTS = 20;

/** Suppliers with optimistic versioning; keeps `supplier_products.listed` in step with status. */
export class PostgresSupplierRepository implements SupplierRepository {
  constructor(
    private readonly db: Knex,
    private readonly box: SecretBox,
  ) {}

  async create(supplier: Supplier): Promise<Supplier> {
    const row = fromSupplier(supplier, this.box);
    for (let attempt = 1; attempt <= MAX_SLUG_ATTEMPTS; attempt++) {
      const slug = attempt === 1 ? supplier.slug : `${supplier.slug}-${attempt}`;
      // DO NOTHING (not a caught 23505) so an enclosing transaction stays usable.
      const rows = await this.db('suppliers').insert({ ...row, slug, version: supplier.version }).onConflict().ignore().returning('*');
      if (rows[0]) return toSupplier(rows[0], this.box);
      const owner = await this.db('suppliers').where({ owner_user_id: supplier.ownerUserId }).first('id');
      if (owner) throw conflict('SUPPLIER.ALREADY_EXISTS', 'This user already has a supplier.');
      const sameId = await this.db('suppliers').where({ id: supplier.id }).first('id');
      if (sameId) throw conflict('SUPPLIER.ALREADY_EXISTS', 'A supplier with this id already exists.');
    }
    throw conflict('SUPPLIER.SLUG_TAKEN', 'Could not find a free slug for this supplier.');
  }

  async findById(id: string): Promise<Supplier | null> {
    if (!isUuid(id)) return null;
    return this.one(this.db('suppliers').where({ id }).first());
  }

  async findBySlug(slug: string): Promise<Supplier | null> {
    return this.one(this.db('suppliers').where({ slug }).first());
  }

  async findByOwner(userId: string): Promise<Supplier | null> {
    if (!isUuid(userId)) return null;
    return this.one(this.db('suppliers').where({ owner_user_id: userId }).first());
  }

  async update(supplier: Supplier, expectedVersion: number): Promise<Supplier | null> {
    return this.db.transaction(async (trx) => {
      const current = await trx('suppliers').where({ id: supplier.id, version: expectedVersion }).forUpdate().first('status');
      if (!current) return null;
      const { id: _id, created_at: _c, slug: _s, owner_user_id: _o, ...patch } = fromSupplier(supplier, this.box);
      const rows = await trx('suppliers')
        .where({ id: supplier.id, version: expectedVersion })
        .update({ ...patch, version: expectedVersion + 1 })
        .returning('*');
      if (!rows[0]) return null;
      const wasListed = current.status === 'ACTIVE';
      const listed = supplier.status === 'ACTIVE';
      // Denormalised flag the catalog indexes lead with; same transaction as the status change.
      if (wasListed !== listed) await trx('supplier_products').where({ supplier_id: supplier.id }).update({ listed });
      return toSupplier(rows[0], this.box);
    });
  }

  async list(filter: SupplierListFilter): Promise<Page<Supplier & { productCount: number }>> {
    const base = this.db('suppliers as s').modify((q) => {
      if (filter.status) q.where('s.status', filter.status);
      if (filter.businessType) q.where('s.business_type', filter.businessType);
      // Every word must occur in the company name.
      for (const word of (filter.q ?? '').trim().split(/\s+/).filter(Boolean)) {
        q.whereILike('s.company_name', `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      }
      if (filter.categorySlug) {
        q.whereExists((e) => e.select(this.db.raw('1')).from('supplier_products as p').whereRaw('p.supplier_id = s.id').andWhere('p.category_slug', filter.categorySlug!));
      }
    });
    const [rows, count] = await Promise.all([
      base
        .clone()
        .select('s.*', this.db.raw('(SELECT count(*)::int FROM supplier_products p WHERE p.supplier_id = s.id) AS product_count'))
        .orderBy([{ column: 's.created_at', order: 'desc' }, { column: 's.id', order: 'desc' }])
        .limit(filter.pageSize)
        .offset((filter.page - 1) * filter.pageSize),
      base.clone().count<{ n: number }[]>({ n: '*' }),
    ]);
    return {
      items: rows.map((r: Row) => ({ ...toSupplier(r, this.box), productCount: Number(r.product_count) })),
      total: Number(count[0]?.n ?? 0),
      page: filter.page,
      pageSize: filter.pageSize,
    };
  }

  private async one(q: Promise<Row | undefined>): Promise<Supplier | null> {
    const r = await q;
    return r ? toSupplier(r, this.box) : null;
  }
}
