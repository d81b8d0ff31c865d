import type { Knex } from 'knex';
import { conflict, isUuid, type Retailer, type RetailerRepository } from '@dropship/core';
import { toRetailer } from '../row-mappers';

/** Retailer tenants (one per owner user). */
export class PostgresRetailerRepository implements RetailerRepository {
  constructor(private readonly db: Knex) {}

  async create(r: Retailer): Promise<Retailer> {
    const rows = await this.db('retailers')
      .insert({ id: r.id, owner_user_id: r.ownerUserId, name: r.name, plan: r.plan, created_at: r.createdAt })
      .onConflict()
      .ignore()
      .returning('*');
    if (!rows[0]) throw conflict('RETAILER.ALREADY_EXISTS', 'This user already has a retailer.');
    return toRetailer(rows[0]);
  }

  async findById(id: string): Promise<Retailer | null> {
    if (!isUuid(id)) return null;
    const r = await this.db('retailers').where({ id }).first();
    return r ? toRetailer(r) : null;
  }
}
