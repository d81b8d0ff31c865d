import { availableQuantity, bufferedQuantity, parseMoney, type Actor, type ShippingAddress } from '@dropship/core';
import type { Handler, HandlerInput } from '../http/context';
import { presentListing, presentOrder, presentOrderForSupplier, presentSupplierOrder } from '../http/order-presenters';
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
};
