import { conflict, DomainError, forbidden, unprocessable, validationError, type FieldError } from '../../shared/domain-error';
import { err, ok, type Result } from '../../shared/result';
import { uuidv7 } from '../../shared/ids';
import { formatMoney, money, type Money } from '../../shared/money';
import type { Actor } from '../../shared/actor';
import type { Clock } from '../../ports/clock.port';
import type { Repositories } from '../../ports/repositories.port';
import type { UnitOfWork } from '../../ports/unit-of-work.port';
import { availableQuantity, type SupplierProduct } from '../../catalog/product.entity';
import type { Supplier } from '../../onboarding/supplier.entity';
import type { NewOrder, Order, OrderItem, StockShortfall, SupplierOrder } from '../order.entity';
import { normalizeAddress, validateAddress, type ShippingAddress } from '../shipping-address.value-object';

export interface PlaceOrderInput {
  readonly storeId?: string | null;
  readonly storeOrderId: string;
  readonly items: readonly { readonly supplierProductId: string; readonly quantity: number; readonly retailPrice: Money }[];
  readonly shippingAddress: ShippingAddress;
}

export interface OrdersDeps {
  readonly repos: Repositories;
  readonly uow: UnitOfWork;
  readonly clock: Clock;
}

export interface PlaceOrderOptions {
  /** Flat fee per order, frozen on the order at placement (default 0). */
  readonly platformFee?: Money;
}

export const ORDER_PLACED_TOPIC = 'orders.placed';
export const MAX_ORDER_LINES = 100;

/** Thrown inside the transaction to roll back; turned back into a value by `PlaceOrder.run`. */
class Rollback extends Error {
  constructor(readonly error: DomainError) {
    super(error.message);
  }
}

/**
 * Places a retailer's order: validates items against the retailer's listings, splits by supplier,
 * prices each part, and in one transaction reserves stock (all lines or none), writes the order and
 * an `orders.placed` outbox row.
 */
export class PlaceOrder {
  constructor(
    private readonly d: OrdersDeps,
    private readonly opts: PlaceOrderOptions = {},
  ) {}

  async run(actor: Actor, input: PlaceOrderInput): Promise<Result<Order, DomainError>> {
    const retailerId = actor.principal.role === 'RETAILER' ? actor.principal.retailerId : null;
    if (!retailerId) return err(forbidden('Only retailers place orders.'));
    const shape = this.checkShape(input);
    if (shape) return err(shape);
    const ids = input.items.map((i) => i.supplierProductId);

    const listings = await this.d.repos.listings.findByProducts(retailerId, ids);
    const listed = new Set(listings.filter((l) => l.status === 'ACTIVE').map((l) => l.supplierProductId));
    const unlisted = input.items.flatMap((i, n) => (listed.has(i.supplierProductId) ? [] : [{ path: `/items/${n}/supplierProductId`, message: 'is not one of your listed products (POST /api/products/import)' }]));
    if (unlisted.length) return err(unprocessable('ORDER.ITEM_NOT_LISTED', 'Some items are not products you have listed.', unlisted));

    const products = new Map<string, SupplierProduct>();
    for (const id of ids) {
      const p = await this.d.repos.products.findById(id);
      if (p) products.set(id, p);
    }
    const suppliers = new Map<string, Supplier>();
    for (const p of products.values()) {
      if (!suppliers.has(p.supplierId)) {
        const s = await this.d.repos.suppliers.findById(p.supplierId);
        if (s) suppliers.set(s.id, s);
      }
    }
    const problems: FieldError[] = [];
    input.items.forEach((i, n) => {
      const p = products.get(i.supplierProductId);
      if (!p || p.discontinued) problems.push({ path: `/items/${n}/supplierProductId`, message: 'is no longer sold by its supplier' });
      else if (suppliers.get(p.supplierId)?.status !== 'ACTIVE') problems.push({ path: `/items/${n}/supplierProductId`, message: 'its supplier is not taking orders' });
    });
    if (problems.length) return err(unprocessable('ORDER.ITEM_UNAVAILABLE', 'Some items cannot be ordered.', problems));

    const currency = products.get(ids[0]!)!.wholesalePrice.currency;
    if ([...products.values()].some((p) => p.wholesalePrice.currency !== currency) || input.items.some((i) => i.retailPrice.currency !== currency)) {
      return err(unprocessable('ORDER.MIXED_CURRENCY', `Every item of an order must be priced in ${currency}.`));
    }
    const order = this.build(retailerId, input, products, currency);
    for (const part of order.supplierOrders) {
      const min = suppliers.get(part.supplierId)!.minOrderValue;
      if (min.currency === currency && part.subtotal.amountMinor < min.amountMinor) {
        const name = suppliers.get(part.supplierId)!.companyName;
        return err(
          new DomainError('ORDER.BELOW_MINIMUM', 'unprocessable', `${name} needs at least ${formatMoney(min)} ${currency} per order; this order has ${formatMoney(part.subtotal)}.`, [], {
            supplierId: part.supplierId,
            minimum: formatMoney(min),
            subtotal: formatMoney(part.subtotal),
          }),
        );
      }
    }

    const insufficient = (short: StockShortfall) => {
      const p = products.get(short.supplierProductId);
      return conflict('INVENTORY.INSUFFICIENT_STOCK', `Not enough stock of ${p?.sku ?? short.supplierProductId}: ${short.quantity} requested, ${short.available} available.`, {
        supplierProductId: short.supplierProductId,
        sku: p?.sku ?? null,
        requested: short.quantity,
        available: short.available,
      });
    };
    // Fail fast on what was already visibly sold out; the conditional update below is the real guard.
    for (const i of input.items) {
      const available = availableQuantity(products.get(i.supplierProductId)!);
      if (available < i.quantity) return err(insufficient({ supplierProductId: i.supplierProductId, quantity: i.quantity, available }));
    }
    try {
      const placed = await this.d.uow.run(async (repos) => {
        // Rows first, stock last: the hot product rows stay locked only from the reservation to COMMIT.
        const saved = await repos.orders.create(order);
        await repos.outbox.enqueue([{ id: uuidv7(), topic: ORDER_PLACED_TOPIC, payload: { orderId: saved.id }, headers: { 'x-order-id': saved.id } }], order.createdAt);
        const lines = order.supplierOrders.flatMap((so) => so.items.map((i) => ({ supplierProductId: i.supplierProductId, quantity: i.quantity })));
        const short = await repos.orders.reserveStock(lines);
        if (short) throw new Rollback(insufficient(short));
        return saved;
      });
      return ok(placed);
    } catch (e) {
      if (e instanceof Rollback) return err(e.error);
      if ((e as DomainError).code === 'ORDER.DUPLICATE_STORE_ORDER') return err(e as DomainError);
      throw e;
    }
  }

  private checkShape(input: PlaceOrderInput): DomainError | null {
    const e: FieldError[] = [...validateAddress(input.shippingAddress)];
    if (!input.storeOrderId.trim()) e.push({ path: '/storeOrderId', message: 'is required' });
    if (input.items.length === 0 || input.items.length > MAX_ORDER_LINES) e.push({ path: '/items', message: `must have 1 to ${MAX_ORDER_LINES} lines` });
    const seen = new Set<string>();
    input.items.forEach((i, n) => {
      if (seen.has(i.supplierProductId)) e.push({ path: `/items/${n}/supplierProductId`, message: 'appears more than once; send one line per product' });
      seen.add(i.supplierProductId);
      if (!Number.isInteger(i.quantity) || i.quantity < 1) e.push({ path: `/items/${n}/quantity`, message: 'must be a whole number of at least 1' });
      if (i.retailPrice.amountMinor < 0) e.push({ path: `/items/${n}/retailPrice`, message: 'must not be negative' });
    });
    return e.length ? validationError('ORDER.INVALID', 'The order is not valid.', e) : null;
  }

  private build(retailerId: string, input: PlaceOrderInput, products: ReadonlyMap<string, SupplierProduct>, currency: string): NewOrder {
    const now = this.d.clock.now();
    const orderId = uuidv7(now.getTime());
    const bySupplier = new Map<string, OrderItem[]>();
    for (const i of input.items) {
      const p = products.get(i.supplierProductId)!;
      const item: OrderItem = { id: uuidv7(now.getTime()), supplierProductId: p.id, sku: p.sku, title: p.title, quantity: i.quantity, unitWholesalePrice: p.wholesalePrice, retailPrice: i.retailPrice };
      bySupplier.set(p.supplierId, [...(bySupplier.get(p.supplierId) ?? []), item]);
    }
    const supplierOrders: SupplierOrder[] = [...bySupplier].map(([supplierId, items]) => ({
      id: uuidv7(now.getTime()),
      orderId,
      supplierId,
      status: 'PENDING',
      failureReason: null,
      items,
      subtotal: money(items.reduce((a, i) => a + i.unitWholesalePrice.amountMinor * i.quantity, 0), currency),
      shipping: money(0, currency),
      createdAt: now,
      updatedAt: now,
    }));
    const subtotal = supplierOrders.reduce((a, so) => a + so.subtotal.amountMinor, 0);
    const shipping = supplierOrders.reduce((a, so) => a + so.shipping.amountMinor, 0);
    const fee = this.opts.platformFee?.amountMinor ?? 0;
    return {
      id: orderId,
      retailerId,
      storeId: input.storeId ?? null,
      storeOrderId: input.storeOrderId.trim(),
      status: 'PENDING',
      currency,
      shippingAddress: normalizeAddress(input.shippingAddress),
      subtotal: money(subtotal, currency),
      shipping: money(shipping, currency),
      platformFee: money(fee, currency),
      total: money(subtotal + shipping + fee, currency),
      retailTotal: money(input.items.reduce((a, i) => a + i.retailPrice.amountMinor * i.quantity, 0), currency),
      supplierOrders,
      createdAt: now,
      updatedAt: now,
    };
  }
}

