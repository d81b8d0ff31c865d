import type { Money } from '../shared/money';

/**
 * Collects money from retailers and pays suppliers. Filled by the payments issue
 * (`stripe`, `payments-ledger`). Every call carries a deterministic idempotency key
 * (`charge:<orderId>`, `transfer:<settlementLineId>`, `refund:<refundId>`): a repeat has no new effect.
 * Failures are AdapterError; a declined card is a value (`{ status: 'failed', reason }`), not a throw.
 */
export interface PaymentGateway {
  charge(request: { idempotencyKey: string; retailerId: string; orderId: string; amount: Money; description: string }): Promise<PaymentOutcome>;
  transfer(request: { idempotencyKey: string; supplierId: string; orderId: string; amount: Money }): Promise<{ transferId: string }>;
  refund(request: { idempotencyKey: string; paymentId: string; amount: Money; reason: string }): Promise<{ refundId: string }>;
  /** Verifies and parses a processor webhook; bad signature → `WEBHOOK.INVALID_SIGNATURE`. */
  parseWebhook?(raw: { headers: Readonly<Record<string, string>>; body: Uint8Array }): Promise<PaymentEvent>;
}

export type PaymentOutcome =
  | { readonly status: 'succeeded' | 'processing' | 'requires_action'; readonly paymentId: string }
  | { readonly status: 'failed'; readonly paymentId: string | null; readonly reason: string };

export interface PaymentEvent {
  readonly eventId: string;
  readonly type: string;
  readonly paymentId?: string;
  readonly amount?: Money;
  readonly data: Readonly<Record<string, unknown>>;
}
