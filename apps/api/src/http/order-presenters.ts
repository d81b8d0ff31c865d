import { formatMoney, formatOrderNumber, markupPercentOf, type ListedProduct, type Order, type OrderItem, type SupplierOrder } from '@dropship/core';

const item = (i: OrderItem, withRetail: boolean) => ({
  id: i.id,
  supplierProductId: i.supplierProductId,
  sku: i.sku,
  title: i.title,
  quantity: i.quantity,
  unitPrice: formatMoney(i.unitWholesalePrice),
  lineTotal: formatMoney({ ...i.unitWholesalePrice, amountMinor: i.unitWholesalePrice.amountMinor * i.quantity }),
  ...(withRetail ? { retailPrice: formatMoney(i.retailPrice) } : {}),
});

/** One supplier order (no retail prices unless `withRetail`). */
export const presentPart = (so: SupplierOrder, withRetail: boolean) => ({
  id: so.id,
  supplierId: so.supplierId,
  status: so.status,
  failureReason: so.failureReason,
  items: so.items.map((i) => item(i, withRetail)),
  subtotal: formatMoney(so.subtotal),
  shipping: formatMoney(so.shipping),
  currency: so.subtotal.currency,
  createdAt: so.createdAt.toISOString(),
  updatedAt: so.updatedAt.toISOString(),
});

/** The order as its retailer and staff see it: every part, retail prices, fee and totals. */
export function presentOrder(o: Order) {
  return {
    id: o.id,
    number: formatOrderNumber(o.number),
    status: o.status,
    storeId: o.storeId,
    storeOrderId: o.storeOrderId,
    currency: o.currency,
    subtotal: formatMoney(o.subtotal),
    shipping: formatMoney(o.shipping),
    platformFee: formatMoney(o.platformFee),
    total: formatMoney(o.total),
    retailTotal: formatMoney(o.retailTotal),
    shippingAddress: o.shippingAddress,
    supplierOrders: o.supplierOrders.map((so) => presentPart(so, true)),
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}

/**
 * The order as a supplier sees it: only its own part (the repository already scoped it), no retail
 * prices, fee, retailer totals or store ids. The status is its part's.
 */
export function presentOrderForSupplier(o: Order) {
  const own = o.supplierOrders[0]!;
  return {
    id: o.id,
    number: formatOrderNumber(o.number),
    status: own.status,
    currency: o.currency,
    shippingAddress: o.shippingAddress,
    supplierOrders: o.supplierOrders.map((so) => presentPart(so, false)),
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}

/** One entry of `GET /api/supplier/orders`: the supplier's part with what it needs to ship. */
export function presentSupplierOrder(o: Order) {
  const own = o.supplierOrders[0]!;
  return { ...presentPart(own, false), orderId: o.id, orderNumber: formatOrderNumber(o.number), shippingAddress: o.shippingAddress };
}

/** A listing as the retailer sees it. `inventoryQuantity` is what stores are shown (buffered). */
export function presentListing(x: ListedProduct, inventoryQuantity: number) {
  const { listing: l, product: p } = x;
  return {
    id: l.id,
    supplierProductId: p.id,
    supplierId: p.supplierId,
    storeId: l.storeId,
    sku: p.sku,
    title: p.title,
    wholesalePrice: formatMoney(p.wholesalePrice),
    retailPrice: formatMoney(l.retailPrice),
    currency: l.retailPrice.currency,
    markupPercent: markupPercentOf(p.wholesalePrice, l.retailPrice),
    inventoryQuantity,
    status: l.status,
    productStatus: p.status,
    syncStatus: 'NOT_PUBLISHED' as const,
    createdAt: l.createdAt.toISOString(),
    updatedAt: l.updatedAt.toISOString(),
  };
}
