import type { Knex } from 'knex';
import type { DeadLetterRecord, DispatchRepository, OrderEvent, Page, Shipment, SupplierDispatch } from '@dropship/core';
import type { Row } from '../row-mappers';

const date = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
const dateOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : date(v));
const json = <T>(v: unknown, fallback: T): T => (v === null || v === undefined ? fallback : typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

const toEvent = (r: Row): OrderEvent => ({ id: r.id, orderId: r.order_id, supplierOrderId: r.supplier_order_id ?? null, type: r.type, details: json(r.details, {}), at: date(r.at) });
const toShipment = (r: Row): Shipment => ({
  supplierOrderId: r.supplier_order_id,
  orderId: r.order_id,
  trackingNumber: r.tracking_number,
  carrier: r.carrier ?? null,
  trackingUrl: r.tracking_url ?? null,
  shippedAt: date(r.shipped_at),
  deliveredAt: dateOrNull(r.delivered_at),
});
const toDeadLetter = (r: Row): DeadLetterRecord => ({
  id: r.id,
  queue: r.queue,
  messageId: r.message_id,
  topic: r.topic,
  payload: json(r.payload, null),
  reason: r.reason,
  attempts: Number(r.attempts),
  firstSeenAt: date(r.first_seen_at),
  lastSeenAt: date(r.last_seen_at),
  retriedAt: dateOrNull(r.retried_at),
});
const toDispatch = (r: Row): SupplierDispatch => ({ supplierOrderId: r.supplier_order_id, orderId: r.order_id, supplierReference: r.supplier_reference, dispatchedAt: date(r.dispatched_at) });

/** Inbox, supplier dispatches, order events, shipments and dead letters (migration 0011). */
export class PostgresDispatchRepository implements DispatchRepository {
  constructor(private readonly db: Knex) {}

  async claimInbox(consumer: string, key: string, at: Date): Promise<boolean> {
    const rows = await this.db('consumer_inbox').insert({ consumer, key, processed_at: at }).onConflict(['consumer', 'key']).ignore().returning('key');
    return rows.length === 1;
  }

  async orderIdOf(supplierOrderId: string, supplierId?: string): Promise<string | null> {
    const row = await this.db('supplier_orders')
      .where({ id: supplierOrderId })
      .modify((q) => {
        if (supplierId !== undefined) q.where({ supplier_id: supplierId });
      })
      .first('order_id');
    return (row?.order_id as string | undefined) ?? null;
  }

  async recordDispatch(d: SupplierDispatch): Promise<void> {
    await this.db('supplier_dispatches')
      .insert({ supplier_order_id: d.supplierOrderId, order_id: d.orderId, supplier_reference: d.supplierReference, dispatched_at: d.dispatchedAt })
      .onConflict('supplier_order_id')
      .ignore();
  }

  async findDispatch(supplierOrderId: string): Promise<SupplierDispatch | null> {
    const row = await this.db('supplier_dispatches').where({ supplier_order_id: supplierOrderId }).first('*');
    return row ? toDispatch(row) : null;
  }

  async undispatched(before: Date, limit: number): Promise<{ orderId: string; supplierOrderId: string }[]> {
    const rows = await this.db('supplier_orders as so')
      .leftJoin('supplier_dispatches as d', 'd.supplier_order_id', 'so.id')
      .where('so.status', 'PENDING')
      .whereNull('d.supplier_order_id')
      .where('so.created_at', '<', before)
      .orderBy([{ column: 'so.created_at' }, { column: 'so.id' }])
      .limit(limit)
      .select('so.order_id', 'so.id');
    return rows.map((r: Row) => ({ orderId: r.order_id, supplierOrderId: r.id }));
  }

  async appendEvent(e: OrderEvent): Promise<void> {
    await this.db('order_events').insert({ id: e.id, order_id: e.orderId, supplier_order_id: e.supplierOrderId, type: e.type, details: JSON.stringify(e.details ?? {}), at: e.at });
  }

  async listEvents(orderId: string, supplierOrderId?: string): Promise<OrderEvent[]> {
    const rows = await this.db('order_events')
      .where({ order_id: orderId })
      .modify((q) => {
        if (supplierOrderId !== undefined) q.where({ supplier_order_id: supplierOrderId });
      })
      .orderBy([{ column: 'at' }, { column: 'id' }])
      .select('*');
    return rows.map(toEvent);
  }

  async saveShipment(s: Shipment): Promise<void> {
    await this.db('shipments')
      .insert({
        supplier_order_id: s.supplierOrderId,
        order_id: s.orderId,
        tracking_number: s.trackingNumber,
        carrier: s.carrier,
        tracking_url: s.trackingUrl,
        shipped_at: s.shippedAt,
        delivered_at: s.deliveredAt,
      })
      .onConflict('supplier_order_id')
      .merge(['tracking_number', 'carrier', 'tracking_url', 'shipped_at', 'delivered_at']);
  }

  async shipmentsOf(orderId: string): Promise<Shipment[]> {
    const rows = await this.db('shipments').where({ order_id: orderId }).orderBy([{ column: 'shipped_at' }, { column: 'supplier_order_id' }]).select('*');
    return rows.map(toShipment);
  }

  async recordDeadLetter(d: DeadLetterRecord): Promise<void> {
    await this.db('dead_letters')
      .insert({
        id: d.id,
        queue: d.queue,
        message_id: d.messageId,
        topic: d.topic,
        payload: JSON.stringify(d.payload ?? null),
        reason: d.reason,
        attempts: d.attempts,
        first_seen_at: d.firstSeenAt,
        last_seen_at: d.lastSeenAt,
        retried_at: d.retriedAt,
      })
      .onConflict(['queue', 'message_id'])
      .merge(['topic', 'payload', 'reason', 'attempts', 'last_seen_at']);
  }

  async listDeadLetters(f: { page: number; pageSize: number }): Promise<Page<DeadLetterRecord>> {
    const rows = await this.db('dead_letters')
      .orderBy([{ column: 'last_seen_at', order: 'desc' }, { column: 'id', order: 'desc' }])
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .select('*');
    const count = await this.db('dead_letters').count<{ n: number }[]>({ n: '*' });
    return { items: rows.map(toDeadLetter), total: Number(count[0]?.n ?? 0), page: f.page, pageSize: f.pageSize };
  }

  async findDeadLetter(id: string): Promise<DeadLetterRecord | null> {
    const row = await this.db('dead_letters').where({ id }).first('*');
    return row ? toDeadLetter(row) : null;
  }

  async markDeadLetterRetried(id: string, at: Date): Promise<void> {
    await this.db('dead_letters').where({ id }).update({ retried_at: at });
  }
}
