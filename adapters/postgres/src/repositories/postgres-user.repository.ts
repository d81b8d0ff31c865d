import type { Knex } from 'knex';
import { conflict, isUuid, type Page, type Role, type User, type UserRepository } from '@dropship/core';
import { fromUser, toUser } from '../row-mappers';

/** Users; email uniqueness is case-insensitive (unique index on lower(email)). */
export class PostgresUserRepository implements UserRepository {
  constructor(private readonly db: Knex) {}

  async create(user: User): Promise<User> {
    // ON CONFLICT DO NOTHING keeps an enclosing transaction usable after a clash.
    const rows = await this.db('users').insert(fromUser(user)).onConflict().ignore().returning('*');
    if (!rows[0]) throw conflict('ACCOUNTS.EMAIL_TAKEN', 'That email address is already registered.');
    return toUser(rows[0]);
  }

  async findById(id: string): Promise<User | null> {
    if (!isUuid(id)) return null;
    const r = await this.db('users').where({ id }).first();
    return r ? toUser(r) : null;
  }

  async findByEmail(email: string): Promise<User | null> {
    const r = await this.db('users').whereRaw('lower(email) = lower(?)', [email.trim()]).first();
    return r ? toUser(r) : null;
  }

  async setTenant(userId: string, tenant: { supplierId?: string | null; retailerId?: string | null }): Promise<void> {
    const patch: Record<string, string | null> = {};
    if (tenant.supplierId !== undefined) patch.supplier_id = tenant.supplierId;
    if (tenant.retailerId !== undefined) patch.retailer_id = tenant.retailerId;
    if (Object.keys(patch).length > 0) await this.db('users').where({ id: userId }).update(patch);
  }

  async touchLogin(userId: string, at: Date): Promise<void> {
    await this.db('users').where({ id: userId }).update({ last_login_at: at });
  }

  async list(filter: { role?: Role; page: number; pageSize: number }): Promise<Page<User>> {
    const base = this.db('users').modify((q) => (filter.role ? q.where({ role: filter.role }) : q));
    const [rows, count] = await Promise.all([
      base.clone().select('*').orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }]).limit(filter.pageSize).offset((filter.page - 1) * filter.pageSize),
      base.clone().count<{ n: number }[]>({ n: '*' }),
    ]);
    return { items: rows.map(toUser), total: Number(count[0]?.n ?? 0), page: filter.page, pageSize: filter.pageSize };
  }

  async count(): Promise<number> {
    const r = await this.db('users').count<{ n: number }[]>({ n: '*' });
    return Number(r[0]?.n ?? 0);
  }
}
