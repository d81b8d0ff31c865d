import type { Knex } from 'knex';
import type { Category, CategoryRepository, CategoryWithCount } from '@dropship/core';

/** Categories, keyed by slug; counts use the partial index of sellable listed products. */
export class PostgresCategoryRepository implements CategoryRepository {
  constructor(private readonly db: Knex) {}

  async upsert(categories: readonly Category[]): Promise<void> {
    if (categories.length === 0) return;
    const bySlug = new Map(categories.map((c) => [c.slug, c]));
    await this.db('categories')
      .insert([...bySlug.values()].map((c) => ({ slug: c.slug, name: c.name, parent_slug: c.parentSlug })))
      .onConflict('slug')
      .merge(['name', 'parent_slug']);
  }

  async listWithCounts(): Promise<CategoryWithCount[]> {
    const rows = await this.db.raw(
      `SELECT c.slug, c.name, c.parent_slug, coalesce(n.count, 0)::int AS product_count
       FROM categories c
       LEFT JOIN (SELECT category_slug, count(*) AS count FROM supplier_products
                  WHERE listed AND NOT discontinued GROUP BY category_slug) n ON n.category_slug = c.slug
       ORDER BY c.name, c.slug`,
    );
    return (rows.rows as { slug: string; name: string; parent_slug: string | null; product_count: number }[]).map((r) => ({
      slug: r.slug,
      name: r.name,
      parentSlug: r.parent_slug ?? null,
      productCount: Number(r.product_count),
    }));
  }

  async exists(slug: string): Promise<boolean> {
    return Boolean(await this.db('categories').where({ slug }).first('slug'));
  }
}
