import type { SupplierGateway, SupplierOrderAck, SupplierOrderRequest, SupplierOrderState } from '@dropship/core';

export interface PortalOptions {
  /** Where new-order notices go, besides the supplier account's own email. */
  readonly notifyEmail?: string;
  /** Accept orders without a click (the supplier still ships in the portal). */
  readonly autoAccept: boolean;
}

/**
 * For suppliers without an API of their own: the supplier order already lives in the platform,
 * so "placing" it means it is now in the supplier's portal queue; the supplier accepts and ships
 * there (API or site), and those actions drive the order's state — not this gateway.
 */
export class PortalSupplierGateway implements SupplierGateway {
  constructor(readonly options: PortalOptions) {}

  async placeOrder(request: SupplierOrderRequest): Promise<SupplierOrderAck> {
    return { accepted: true, supplierReference: request.reference };
  }

  /** The portal has no state of its own beyond the platform's order: a queued order is PENDING. */
  async findOrder(reference: string): Promise<SupplierOrderState | null> {
    return { supplierReference: reference, status: this.options.autoAccept ? 'CONFIRMED' : 'PENDING' };
  }

  async testConnection(): Promise<{ ok: boolean; message: string }> {
    return { ok: true, message: 'Orders will appear in your supplier portal (site and GET /api/supplier/orders).' };
  }
}
