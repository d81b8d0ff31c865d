import { availableQuantity, bufferedQuantity, parseMoney, type Actor, type DeadLetterRecord, type ShippingAddress, type SupplierOrder } from '@dropship/core';
import type { Handler, HandlerInput } from '../http/context';
import { presentListing, presentOrder, presentOrderForSupplier, presentPart, presentSupplierOrder } from '../http/order-presenters';
import { value } from './accounts.routes';
import { supplierSummary } from './catalog.routes';

const actor = (i: HandlerInput): Actor => ({ principal: i.principal!, requestId: i.requestId });

interface OrderBody {
  storeId?: string | null;
  storeOrderId: string;
  items: { supplierProductId: string; quantity: number; retailPrice: string }[];
  shippingAddress: ShippingAddress;
}

/** Retailer listings, order placement, cancellation and reads (issue 3, part 1). */
export const orderHandlers: Record<string, Handler> = {
  async placeOrder(input, deps) {
    const b = input.body as OrderBody;
    const order = value(
      await deps.platform.services.placeOrder.run(actor(input), {
        storeId: b.storeId ?? null,
        storeOrderId: b.storeOrderId,
        items: b.items.map((i, n) => ({ supplierProductId: i.supplierProductId, quantity: i.quantity, retailPrice: value(parseMoney(i.retailPrice, 'USD', `/items/${n}/retailPrice`)) })),
        shippingAddress: b.shippingAddress,
      }),
    );
    deps.platform.relay.nudge();
    // The invoice itself comes with payments (settlement issue); the URL is stable from now on.
    return { status: 201, body: { order: presentOrder(order), invoiceUrl: `/api/invoices/${order.id}` }, headers: { Location: `/api/orders/${order.id}` } };
  },

  async listOrders(input, deps) {
    const page = value(await deps.platform.services.orders.list(actor(input), { status: input.query.status, page: input.query.page ?? 1, pageSize: input.query.pageSize ?? 24 }));
    return { body: { orders: page.items.map(presentOrder), total: page.total, page: page.page, pageSize: page.pageSize } };
  },

  async getOrder(input, deps) {
    const order = value(await deps.platform.services.orders.get(actor(input), input.params.id));
    return { body: { order: input.principal!.role === 'SUPPLIER' ? presentOrderForSupplier(order) : presentOrder(order) } };
  },

  async cancelOrder(input, deps) {
    const { order } = value(await deps.platform.services.orders.cancel(actor(input), input.params.id));
    deps.platform.relay.nudge();
    return { body: { order: presentOrder(order) } };
  },

  async listSupplierOrders(input, deps) {
    const page = value(await deps.platform.services.orders.listForSupplier(actor(input), { status: input.query.status, page: input.query.page ?? 1, pageSize: input.query.pageSize ?? 24 }));
    return { body: { orders: page.items.map(presentSupplierOrder), total: page.total, page: page.page, pageSize: page.pageSize } };
  },

  async importListings(input, deps) {
    const outcome = value(await deps.platform.services.listings.import(actor(input), input.body));
    // Store connections (and with them publishing to stores) arrive with issue 4.
    const message = input.body.storeId ? 'Products imported; no store is connected yet, so nothing was published (store connections come with issue 4).' : 'Products imported';
    return { body: { imported: outcome.imported, message } };
  },

  async listRetailerProducts(input, deps) {
    const page = value(await deps.platform.services.listings.list(actor(input), { page: input.query.page ?? 1, pageSize: input.query.pageSize ?? 24 }));
    const products = await Promise.all(
      page.items.map(async (x) => presentListing(x, bufferedQuantity(availableQuantity(x.product), (await supplierSummary(deps, x.product.supplierId))?.stockBufferPercent ?? 90))),
    );
    return { body: { products, total: page.total, page: page.page, pageSize: page.pageSize } };
  },
  async getOrderStatus(input, deps) {
    const s = value(await deps.platform.services.fulfilment.status(actor(input), input.params.id));
    return {
      body: {
        status: s.status,
        tracking: { ...s.tracking, shipments: s.tracking.shipments.map((x) => ({ ...x, shippedAt: x.shippedAt.toISOString(), deliveredAt: x.deliveredAt?.toISOString() ?? null })) },
      },
    };
  },

  async listOrderEvents(input, deps) {
    const events = value(await deps.platform.services.fulfilment.events(actor(input), input.params.id));
    return { body: { events: events.map((e) => ({ id: e.id, supplierOrderId: e.supplierOrderId, type: e.type, details: e.details, at: e.at.toISOString() })) } };
  },

  async acceptSupplierOrder(input, deps) {
    const part = value(await deps.platform.services.fulfilment.accept(actor(input), input.params.id));
    deps.platform.relay.nudge();
    return { body: { supplierOrder: supplierPart(part) } };
  },

  async shipSupplierOrder(input, deps) {
    const r = value(await deps.platform.services.fulfilment.ship(actor(input), input.params.id, input.body));
    deps.platform.relay.nudge();
    const sh = r.shipment;
    return {
      body: {
        supplierOrder: supplierPart(r.supplierOrder),
        shipment: { ...sh, status: 'SHIPPED', shippedAt: sh.shippedAt.toISOString(), deliveredAt: sh.deliveredAt?.toISOString() ?? null },
      },
    };
  },

  async deliverSupplierOrder(input, deps) {
    const part = value(await deps.platform.services.fulfilment.deliver(actor(input), input.params.id));
    return { body: { supplierOrder: supplierPart(part) } };
  },

  async adminListDeadLetters(input, deps) {
    const page = value(await deps.platform.services.fulfilment.listDeadLetters(actor(input), { page: input.query.page ?? 1, pageSize: input.query.pageSize ?? 24 }));
    return { body: { deadLetters: page.items.map(presentDeadLetter), total: page.total, page: page.page, pageSize: page.pageSize } };
  },

  async adminRetryDeadLetter(input, deps) {
    const r = value(await deps.platform.services.fulfilment.retryDeadLetter(actor(input), input.params.id));
    deps.platform.relay.nudge();
    return { body: { deadLetter: presentDeadLetter(r.deadLetter), messageId: r.messageId } };
  },
};

const supplierPart = (p: SupplierOrder) => ({ ...presentPart(p, false), orderId: p.orderId });

const presentDeadLetter = (d: DeadLetterRecord) => ({
  ...d,
  firstSeenAt: d.firstSeenAt.toISOString(),
  lastSeenAt: d.lastSeenAt.toISOString(),
  retriedAt: d.retriedAt?.toISOString() ?? null,
});

