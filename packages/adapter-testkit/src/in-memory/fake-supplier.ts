import { createHmac, timingSafeEqual } from 'node:crypto';
import { AdapterError, DomainError } from '@dropship/core';
import type {
  SupplierEvent,
  SupplierGateway,
  SupplierOrderAck,
  SupplierOrderRequest,
  SupplierOrderState,
  SupplierOrderStatus,
  TrackingInfo,
} from '@dropship/core';
import type { SupplierFailure, SupplierSide, SupplierWebhookFixture } from '../contracts/supplier.contract';

interface HeldOrder {
  reference: string;
  supplierReference: string;
  lines: { sku: string; quantity: number }[];
  status: SupplierOrderStatus;
  tracking?: TrackingInfo;
}

export interface FakeSupplierOptions {
  /** The supplier replays by idempotency key (default true); false = the gateway looks up first (DSP-2). */
  idempotent?: boolean;
  /** Secret for webhook signatures (`x-fake-signature: hex(hmac-sha256(secret, body))`). */
  webhookSecret?: string;
  adapterId?: string;
  pollIntervalSeconds?: number;
}

const invalidSignature = (message: string) => new DomainError('WEBHOOK.INVALID_SIGNATURE', 'unauthorized', message);

/**
 * An in-memory supplier and the gateway in front of it, passing the Supplier contract suite.
 * `gateway` is what the core uses; the fake itself is the supplier side tests inspect and
 * misconfigure (`failNext`, `setStock`, `updateOrder`). `calls` counts placeOrder attempts.
 */
export class FakeSupplier implements SupplierSide {
  private readonly held: HeldOrder[] = [];
  private readonly byKey = new Map<string, SupplierOrderAck>();
  private readonly stock = new Map<string, number>();
  private readonly failures: SupplierFailure[] = [];
  private seq = 0;
  calls = 0;
  readonly gateway: SupplierGateway;

  constructor(private readonly options: FakeSupplierOptions = {}) {
    const idempotent = options.idempotent ?? true;
    const secret = options.webhookSecret ?? 'fake-webhook-secret';
    const adapterId = options.adapterId ?? 'fake-supplier';
    const fail = (code: string, message: string, extra: { retryable: boolean; retryAfterMs?: number; outcomeUnknown?: boolean }) =>
      new AdapterError(code, message, { adapterId, ...extra });

    const place = async (request: SupplierOrderRequest): Promise<SupplierOrderAck> => {
      this.calls += 1;
      if (!idempotent) {
        const existing = this.find(request.reference);
        if (existing) return { accepted: true, supplierReference: existing.supplierReference };
      } else {
        const replay = this.byKey.get(request.idempotencyKey);
        if (replay) return replay;
      }
      const failure = this.failures.shift();
      if (failure === 'http-500') throw fail('ADAPTER.UNAVAILABLE', 'Supplier answered 500', { retryable: true });
      if (failure === 'rate-limit') throw fail('ADAPTER.RATE_LIMITED', 'Supplier answered 429', { retryable: true, retryAfterMs: 7_000 });
      const short = request.lines.find((l) => (this.stock.get(l.sku) ?? Infinity) < l.quantity);
      if (failure === 'out-of-stock' || short) {
        return { accepted: false, code: 'OUT_OF_STOCK', reason: `${short?.sku ?? request.lines[0]?.sku ?? 'SKU'} is out of stock` };
      }
      const order: HeldOrder = {
        reference: request.reference,
        supplierReference: `FAKE-${++this.seq}`,
        lines: request.lines.map((l) => ({ sku: l.sku, quantity: l.quantity })),
        status: 'PENDING',
      };
      this.held.push(order);
      const ack: SupplierOrderAck = { accepted: true, supplierReference: order.supplierReference };
      if (idempotent) this.byKey.set(request.idempotencyKey, ack);
      if (failure === 'timeout-after-accept') {
        throw fail('ADAPTER.TIMEOUT', 'Supplier did not answer in time', { retryable: true, outcomeUnknown: true });
      }
      return ack;
    };

    this.gateway = {
      placeOrder: place,
      findOrder: async (reference) => {
        const o = this.find(reference);
        return o ? stateOf(o) : null;
      },
      fetchStock: async () => [...this.stock].map(([sku, quantity]) => ({ sku, quantity, asOf: new Date() })),
      parseWebhook: async (raw) => {
        const given = raw.headers['x-fake-signature'] ?? '';
        const expected = createHmac('sha256', secret).update(raw.body).digest();
        const got = Buffer.from(given, 'hex');
        if (got.length !== expected.length || !timingSafeEqual(got, expected)) throw invalidSignature('Bad webhook signature.');
        let event: SupplierWebhookFixture;
        try {
          event = JSON.parse(Buffer.from(raw.body).toString('utf8')) as SupplierWebhookFixture;
        } catch {
          throw invalidSignature('Unreadable webhook body.');
        }
        return [toEvent(event, this.find(event.kind === 'status' ? event.reference : '')?.supplierReference)];
      },
      testConnection: async () => ({ ok: true, message: 'In-memory supplier.' }),
      ...(options.pollIntervalSeconds === undefined ? {} : { pollIntervalSeconds: options.pollIntervalSeconds }),
    };
  }

  async orders() {
    return this.held.map((o) => ({ reference: o.reference, supplierReference: o.supplierReference, lines: o.lines }));
  }
  async setStock(sku: string, quantity: number): Promise<void> {
    this.stock.set(sku, quantity);
  }
  async failNext(kind: SupplierFailure): Promise<void> {
    this.failures.push(kind);
  }
  async updateOrder(reference: string, status: SupplierOrderStatus, tracking?: TrackingInfo): Promise<void> {
    const o = this.find(reference);
    if (!o) throw new Error(`no supplier order for ${reference}`);
    o.status = status;
    if (tracking) o.tracking = tracking;
  }
  async signWebhook(event: SupplierWebhookFixture, opts: { wrongSecret?: boolean } = {}) {
    const body = new TextEncoder().encode(JSON.stringify(event));
    const secret = opts.wrongSecret ? 'not-the-secret' : (this.options.webhookSecret ?? 'fake-webhook-secret');
    return { headers: { 'x-fake-signature': createHmac('sha256', secret).update(body).digest('hex') }, body };
  }

  private find(reference: string): HeldOrder | undefined {
    return this.held.find((o) => o.reference === reference);
  }
}

function stateOf(o: HeldOrder): SupplierOrderState {
  return { supplierReference: o.supplierReference, status: o.status, ...(o.tracking ? { tracking: o.tracking } : {}) };
}

function toEvent(e: SupplierWebhookFixture, supplierReference: string | undefined): SupplierEvent {
  if (e.kind === 'stock') return { kind: 'stock', eventId: e.eventId, items: e.items, asOf: new Date() };
  const state: SupplierOrderState = { supplierReference: supplierReference ?? e.reference, status: e.status, ...(e.tracking ? { tracking: e.tracking } : {}) };
  return { kind: 'status', eventId: e.eventId, reference: e.reference, state };
}
