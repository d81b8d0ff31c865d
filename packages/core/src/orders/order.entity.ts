import type { Money } from '../shared/money';
import type { ShippingAddress } from './shipping-address.value-object';
import type { OrderStatus, SupplierOrderStatus } from './supplier-order.machine';

/** One line of a supplier order, with prices frozen at placement. */
export interface OrderItem {
  readonly id: string;
  readonly supplierProductId: string;
  readonly sku: string;
  readonly title: string;
  readonly quantity: number;
  /** What the retailer pays the supplier per unit. */
  readonly unitWholesalePrice: Money;
  /** What the store charged its customer per unit (never shown to suppliers). */
  readonly retailPrice: Money;
}

/** The part of an order one supplier fulfils. */
export interface SupplierOrder {
  readonly id: string;
  readonly orderId: string;
  readonly supplierId: string;
  readonly status: SupplierOrderStatus;
  readonly failureReason: string | null;
  readonly items: readonly OrderItem[];
  /** Sum of wholesale line totals. */
  readonly subtotal: Money;
  readonly shipping: Money;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** A retailer's order, split into one supplier order per supplier. */
export interface Order {
  readonly id: string;
  /** Sequence number behind the human number (`formatOrderNumber`), assigned by the repository. */
  readonly number: number;
  readonly retailerId: string;
  readonly storeId: string | null;
  readonly storeOrderId: string;
  /** Derived from the supplier orders (`deriveOrderStatus`). */
  readonly status: OrderStatus;
  readonly currency: string;
  readonly shippingAddress: ShippingAddress;
  /** Wholesale total of every supplier order. */
  readonly subtotal: Money;
  readonly shipping: Money;
  /** Flat platform fee, frozen at placement. */
  readonly platformFee: Money;
  /** subtotal + shipping + platformFee: what the retailer owes. */
  readonly total: Money;
  /** What the store's customer paid (sum of retail line totals). */
  readonly retailTotal: Money;
  readonly supplierOrders: readonly SupplierOrder[];
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** An order before the repository numbered it. */
export type NewOrder = Omit<Order, 'number'>;

/** `DS-000123`. */
export const formatOrderNumber = (n: number): string => `DS-${String(n).padStart(6, '0')}`;

export const RESERVATION_STATES = ['HELD', 'CONFIRMED', 'RELEASED'] as const;
export type ReservationState = (typeof RESERVATION_STATES)[number];

/**
 * Stock held for one order line. HELD → CONFIRMED (stock left with the shipment) or HELD →
 * RELEASED (cancel); both are compare-and-set from HELD, so a release happens at most once.
 */
export interface Reservation {
  readonly id: string;
  readonly orderId: string;
  readonly supplierOrderId: string;
  readonly supplierProductId: string;
  readonly quantity: number;
  readonly state: ReservationState;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export const canMoveReservation = (from: ReservationState, to: ReservationState): boolean => from === 'HELD' && to !== 'HELD';

/** A line to reserve: `quantity` units of one product. */
export interface StockLine {
  readonly supplierProductId: string;
  readonly quantity: number;
}

/** The first line a reservation could not take. */
export interface StockShortfall extends StockLine {
  /** Units that were sellable when the line failed (0 for a missing product). */
  readonly available: number;
}
