import { conflict, type DomainError } from '../shared/domain-error';
import { err, ok, type Result } from '../shared/result';

export const SUPPLIER_ORDER_STATUSES = ['PENDING', 'CONFIRMED', 'PROCESSING', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'FAILED'] as const;
export type SupplierOrderStatus = (typeof SUPPLIER_ORDER_STATUSES)[number];

/** An order's status is one of its parts' statuses (derived, see `deriveOrderStatus`). */
export type OrderStatus = SupplierOrderStatus;
export const ORDER_STATUSES = SUPPLIER_ORDER_STATUSES;

/** Allowed moves of a supplier order. FAILED → PENDING is the retailer choosing to wait for a retry. */
const NEXT: Readonly<Record<SupplierOrderStatus, readonly SupplierOrderStatus[]>> = {
  PENDING: ['CONFIRMED', 'CANCELLED', 'FAILED'],
  CONFIRMED: ['PROCESSING', 'SHIPPED', 'CANCELLED', 'FAILED'],
  PROCESSING: ['SHIPPED', 'CANCELLED', 'FAILED'],
  SHIPPED: ['DELIVERED'],
  DELIVERED: [],
  CANCELLED: [],
  FAILED: ['PENDING', 'CANCELLED'],
};

export const canTransition = (from: SupplierOrderStatus, to: SupplierOrderStatus): boolean => NEXT[from].includes(to);

/** The next state, or `ORDER.INVALID_TRANSITION` (conflict). FAILED needs a reason. */
export function transitionSupplierOrder(
  from: SupplierOrderStatus,
  to: SupplierOrderStatus,
  reason: string | null = null,
): Result<{ status: SupplierOrderStatus; failureReason: string | null }, DomainError> {
  if (!canTransition(from, to)) {
    return err(conflict('ORDER.INVALID_TRANSITION', `A supplier order in ${from} cannot become ${to}.`, { from, to }));
  }
  if (to === 'FAILED' && !reason?.trim()) return err(conflict('ORDER.INVALID_TRANSITION', 'A failed supplier order needs a reason.', { from, to }));
  return ok({ status: to, failureReason: to === 'FAILED' ? reason!.trim() : null });
}

const PROGRESS: readonly SupplierOrderStatus[] = ['PENDING', 'CONFIRMED', 'PROCESSING', 'SHIPPED', 'DELIVERED'];

/**
 * The order's status from its parts: the least advanced status among the live parts (neither
 * cancelled nor failed), so an order is SHIPPED only when every live part shipped. With no live part:
 * FAILED if any part failed, else CANCELLED.
 */
export function deriveOrderStatus(parts: readonly SupplierOrderStatus[]): OrderStatus {
  const live = parts.filter((s) => s !== 'CANCELLED' && s !== 'FAILED');
  if (live.length === 0) return parts.includes('FAILED') ? 'FAILED' : 'CANCELLED';
  return PROGRESS[Math.min(...live.map((s) => PROGRESS.indexOf(s)))]!;
}

/** Stock leaves the supplier once a part shipped; from then on the order cannot be cancelled. */
export const isShippedOrLater = (s: SupplierOrderStatus): boolean => s === 'SHIPPED' || s === 'DELIVERED';
