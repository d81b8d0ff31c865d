import type { Knex } from 'knex';
import {
  conflict,
  isUuid,
  type NewOrder,
  type Order,
  type OrderItem,
  type OrderRepository,
  type OrderScope,
  type OrderStatus,
  type Page,
  type SecretBox,
  type StockLine,
  type StockShortfall,
  type SupplierOrder,
  type SupplierOrderStatus,
} from '@dropship/core';
import type { Row } from '../row-mappers';
import { deriveStatusSql } from './product-sql';

/** AAD for an order's sealed shipping address: the ciphertext only opens on its own row. */
export const addressContext = (orderId: string): string => `order:${orderId}:address`;

const num = (v: unknown): number => Number(v);
const cur = (v: unknown): string => String(v).trim();
const money = (minor: unknown, currency: string) => ({ amountMinor: num(minor), currency });

class Short extends Error {
  constructor(readonly shortfall: StockShortfall) {
    super('short');
  }
}

/** Orders, supplier orders, items and reservations; stock is taken with conditional updates. */
export class PostgresOrderRepository implements OrderRepository {
  constructor(
    private readonly db: Knex,
    private readonly box: SecretBox,
  ) {}

  async reserveStock(lines: readonly StockLine[]): Promise<StockShortfall | null> {
    const sorted = [...lines].sort((a, b) => (a.supplierProductId < b.supplierProductId ? -1 : 1));
    try {
      // A nested transaction is a savepoint: a short line undoes the lines already taken.
      await this.db.transaction(async (trx) => {
        for (const l of sorted) {
          const taken = isUuid(l.supplierProductId)
            ? await trx('supplier_products')
                .where({ id: l.supplierProductId })
                .andWhereRaw('inventory_quantity - reserved_quantity >= ?', [l.quantity])
                .update({
                  reserved_quantity: trx.raw('reserved_quantity + ?', [l.quantity]),
                  status: trx.raw(deriveStatusSql('inventory_quantity', '(reserved_quantity + ?)'), [l.quantity]),
                })
            : 0;
          if (taken !== 1) {
            const row = isUuid(l.supplierProductId) ? await trx('supplier_products').where({ id: l.supplierProductId }).first(trx.raw('inventory_quantity - reserved_quantity AS available')) : undefined;
            throw new Short({ ...l, available: Math.max(0, num(row?.available ?? 0)) });
          }
        }
      });
      return null;
    } catch (e) {
      if (e instanceof Short) return e.shortfall;
      throw e;
    }
  }

  async create(o: NewOrder): Promise<Order> {
    const rows = await this.db('orders')
      .insert({
        id: o.id,
        retailer_id: o.retailerId,
        store_id: o.storeId,
        store_order_id: o.storeOrderId,
        status: o.status,
        currency: o.currency,
        subtotal_minor: o.subtotal.amountMinor,
        shipping_minor: o.shipping.amountMinor,
        platform_fee_minor: o.platformFee.amountMinor,
        total_minor: o.total.amountMinor,
        retail_total_minor: o.retailTotal.amountMinor,
        shipping_address_sealed: this.box.seal(JSON.stringify(o.shippingAddress), addressContext(o.id)),
        created_at: o.createdAt,
        updated_at: o.updatedAt,
      })
      .onConflict()
      .ignore()
      .returning('number');
    if (!rows[0]) {
      const same = await this.db('orders').where({ id: o.id }).first('id');
      if (same) throw conflict('ORDER.ALREADY_EXISTS', 'An order with this id already exists.');
      throw conflict('ORDER.DUPLICATE_STORE_ORDER', `Order ${o.storeOrderId} of this store was already placed.`);
    }
    await this.db('supplier_orders').insert(
      o.supplierOrders.map((so) => ({
        id: so.id,
        order_id: o.id,
        supplier_id: so.supplierId,
        status: so.status,
        failure_reason: so.failureReason,
        currency: o.currency,
        subtotal_minor: so.subtotal.amountMinor,
        shipping_minor: so.shipping.amountMinor,
        created_at: so.createdAt,
        updated_at: so.updatedAt,
      })),
    );
    let position = 0;
    const items = o.supplierOrders.flatMap((so) =>
      so.items.map((i) => ({
        id: i.id,
        order_id: o.id,
        supplier_order_id: so.id,
        position: position++,
        supplier_product_id: i.supplierProductId,
        sku: i.sku,
        title: i.title,
        quantity: i.quantity,
        unit_wholesale_minor: i.unitWholesalePrice.amountMinor,
        retail_price_minor: i.retailPrice.amountMinor,
        currency: o.currency,
      })),
    );
    await this.db('order_items').insert(items);
    await this.db('reservations').insert(
      items.map((i) => ({
        id: i.id,
        order_id: o.id,
        supplier_order_id: i.supplier_order_id,
        supplier_product_id: i.supplier_product_id,
        quantity: i.quantity,
        state: 'HELD',
        created_at: o.createdAt,
        updated_at: o.createdAt,
      })),
    );
    return { ...o, number: num(rows[0].number) };
  }

  async findById(id: string, scope?: OrderScope, opts: { lock?: boolean } = {}): Promise<Order | null> {
    if (!isUuid(id)) return null;
    const q = this.db('orders').where({ id });
    if (scope && 'retailerId' in scope) q.where({ retailer_id: scope.retailerId });
    if (opts.lock) q.forUpdate();
    const row = await q.first();
    if (!row) return null;
    const supplierId = scope && 'supplierId' in scope ? scope.supplierId : undefined;
    const [order] = await this.hydrate([row], supplierId);
    return order && order.supplierOrders.length ? order : null;
  }

  async list(f: { retailerId?: string; status?: OrderStatus; page: number; pageSize: number }): Promise<Page<Order>> {
    if (f.retailerId !== undefined && !isUuid(f.retailerId)) return { items: [], total: 0, page: f.page, pageSize: f.pageSize };
    const base = this.db('orders').modify((q) => {
      if (f.retailerId) q.where({ retailer_id: f.retailerId });
      if (f.status) q.where({ status: f.status });
    });
    const [rows, count] = await Promise.all([
      base.clone().select('*').orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }]).limit(f.pageSize).offset((f.page - 1) * f.pageSize),
      base.clone().count<{ n: number }[]>({ n: '*' }),
    ]);
    return { items: await this.hydrate(rows), total: num(count[0]?.n ?? 0), page: f.page, pageSize: f.pageSize };
  }

  async listForSupplier(f: { supplierId: string; status?: SupplierOrderStatus; page: number; pageSize: number }): Promise<Page<Order>> {
    if (!isUuid(f.supplierId)) return { items: [], total: 0, page: f.page, pageSize: f.pageSize };
    const base = this.db('supplier_orders as so').where('so.supplier_id', f.supplierId).modify((q) => (f.status ? q.where('so.status', f.status) : q));
    const [rows, count] = await Promise.all([
      base.clone().join('orders as o', 'o.id', 'so.order_id').select('o.*').orderBy([{ column: 'so.created_at', order: 'desc' }, { column: 'o.id', order: 'desc' }]).limit(f.pageSize).offset((f.page - 1) * f.pageSize),
      base.clone().count<{ n: number }[]>({ n: '*' }),
    ]);
    return { items: await this.hydrate(rows, f.supplierId), total: num(count[0]?.n ?? 0), page: f.page, pageSize: f.pageSize };
  }

  async setSupplierOrderStatus(id: string, from: SupplierOrderStatus, to: SupplierOrderStatus, failureReason: string | null, at: Date): Promise<boolean> {
    if (!isUuid(id)) return false;
    const n = await this.db('supplier_orders').where({ id, status: from }).update({ status: to, failure_reason: to === 'FAILED' ? failureReason : null, updated_at: at });
    return n === 1;
  }

  async setStatus(orderId: string, status: OrderStatus, at: Date): Promise<void> {
    if (!isUuid(orderId)) return;
    await this.db('orders').where({ id: orderId }).update({ status, updated_at: at });
  }

  async releaseReservations(orderId: string, at: Date): Promise<number> {
    if (!isUuid(orderId)) return 0;
    return this.db.transaction(async (trx) => {
      // Compare-and-set HELD → RELEASED: a concurrent release waits for the row lock, then matches nothing.
      const released: Row[] = await trx('reservations').where({ order_id: orderId, state: 'HELD' }).update({ state: 'RELEASED', updated_at: at }).returning(['supplier_product_id', 'quantity']);
      const perProduct = new Map<string, number>();
      for (const r of released) perProduct.set(r.supplier_product_id, (perProduct.get(r.supplier_product_id) ?? 0) + num(r.quantity));
      for (const [productId, quantity] of [...perProduct].sort(([a], [b]) => (a < b ? -1 : 1))) {
        await trx('supplier_products')
          .where({ id: productId })
          .update({
            reserved_quantity: trx.raw('reserved_quantity - ?', [quantity]),
            status: trx.raw(deriveStatusSql('inventory_quantity', '(reserved_quantity - ?)'), [quantity]),
          });
      }
      return [...perProduct.values()].reduce((a, b) => a + b, 0);
    });
  }

  async confirmReservations(supplierOrderId: string, at: Date): Promise<number> {
    if (!isUuid(supplierOrderId)) return 0;
    return this.db.transaction(async (trx) => {
      const confirmed: Row[] = await trx('reservations').where({ supplier_order_id: supplierOrderId, state: 'HELD' }).update({ state: 'CONFIRMED', updated_at: at }).returning(['supplier_product_id', 'quantity']);
      let units = 0;
      for (const r of [...confirmed].sort((a, b) => (a.supplier_product_id < b.supplier_product_id ? -1 : 1))) {
        const q = num(r.quantity);
        await trx('supplier_products')
          .where({ id: r.supplier_product_id })
          .update({
            inventory_quantity: trx.raw('inventory_quantity - ?', [q]),
            reserved_quantity: trx.raw('reserved_quantity - ?', [q]),
            status: trx.raw(deriveStatusSql('(inventory_quantity - ?)', '(reserved_quantity - ?)'), [q, q]),
          });
        units += q;
      }
      return units;
    });
  }

  async reservationsOf(orderId: string): Promise<{ supplierProductId: string; quantity: number; state: 'HELD' | 'CONFIRMED' | 'RELEASED' }[]> {
    if (!isUuid(orderId)) return [];
    const rows = await this.db('reservations').where({ order_id: orderId }).orderBy('supplier_product_id').select('supplier_product_id', 'quantity', 'state');
    return rows.map((r: Row) => ({ supplierProductId: r.supplier_product_id, quantity: num(r.quantity), state: r.state }));
  }

  /** Loads the parts and items of `rows` (only `supplierId`'s parts when given) in two queries. */
  private async hydrate(rows: readonly Row[], supplierId?: string): Promise<Order[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id as string);
    const [parts, items] = await Promise.all([
      this.db('supplier_orders').whereIn('order_id', ids).modify((q) => (supplierId ? q.where({ supplier_id: supplierId }) : q)).orderBy('id').select('*'),
      this.db('order_items').whereIn('order_id', ids).orderBy([{ column: 'order_id' }, { column: 'position' }]).select('*'),
    ]);
    const itemsByPart = new Map<string, OrderItem[]>();
    for (const i of items as Row[]) {
      const c = cur(i.currency);
      const list = itemsByPart.get(i.supplier_order_id) ?? [];
      list.push({ id: i.id, supplierProductId: i.supplier_product_id, sku: i.sku, title: i.title, quantity: num(i.quantity), unitWholesalePrice: money(i.unit_wholesale_minor, c), retailPrice: money(i.retail_price_minor, c) });
      itemsByPart.set(i.supplier_order_id, list);
    }
    const partsByOrder = new Map<string, SupplierOrder[]>();
    for (const p of parts as Row[]) {
      const c = cur(p.currency);
      const list = partsByOrder.get(p.order_id) ?? [];
      list.push({
        id: p.id,
        orderId: p.order_id,
        supplierId: p.supplier_id,
        status: p.status,
        failureReason: p.failure_reason ?? null,
        items: itemsByPart.get(p.id) ?? [],
        subtotal: money(p.subtotal_minor, c),
        shipping: money(p.shipping_minor, c),
        createdAt: new Date(p.created_at),
        updatedAt: new Date(p.updated_at),
      });
      partsByOrder.set(p.order_id, list);
    }
    return rows.map((r) => {
      const c = cur(r.currency);
      return {
        id: r.id,
        number: num(r.number),
        retailerId: r.retailer_id,
        storeId: r.store_id ?? null,
        storeOrderId: r.store_order_id,
        status: r.status,
        currency: c,
        shippingAddress: JSON.parse(this.box.open(r.shipping_address_sealed, addressContext(r.id))),
        subtotal: money(r.subtotal_minor, c),
        shipping: money(r.shipping_minor, c),
        platformFee: money(r.platform_fee_minor, c),
        total: money(r.total_minor, c),
        retailTotal: money(r.retail_total_minor, c),
        supplierOrders: partsByOrder.get(r.id) ?? [],
        createdAt: new Date(r.created_at),
        updatedAt: new Date(r.updated_at),
      };
    });
  }
}
