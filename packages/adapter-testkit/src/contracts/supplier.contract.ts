import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAdapterError, isDomainError } from '@dropship/core';
import type { SupplierGateway, SupplierOrderRequest, SupplierOrderStatus, TrackingInfo } from '@dropship/core';

/** A failure the supplier side injects into its next answer to `placeOrder`. */
export type SupplierFailure =
  /** The supplier creates the order, then answers too late for the adapter's timeout. */
  | 'timeout-after-accept'
  /** 500, body with internals that must not leak. The order is not created. */
  | 'http-500'
  /** The supplier states the ordered SKU is out of stock. */
  | 'out-of-stock'
  /** 429 with `Retry-After: 7` (seconds). */
  | 'rate-limit';

/** A webhook the supplier side renders in its own format and signs. */
export type SupplierWebhookFixture =
  | { kind: 'status'; eventId: string; reference: string; status: SupplierOrderStatus; tracking?: TrackingInfo }
  | { kind: 'stock'; eventId: string; items: { sku: string; quantity: number }[] };

/** The supplier as the test sees it: what it received, and knobs to make it misbehave. */
export interface SupplierSide {
  /** Orders the supplier holds (one entry per order it created, duplicates included). */
  orders(): Promise<readonly { reference: string; supplierReference: string; lines: readonly { sku: string; quantity: number }[] }[]>;
  setStock(sku: string, quantity: number): Promise<void>;
  failNext(kind: SupplierFailure): Promise<void>;
  /** Moves an order on (the supplier ships it); lets the suite check status and tracking mapping. */
  updateOrder?(reference: string, status: SupplierOrderStatus, tracking?: TrackingInfo): Promise<void>;
  /** Renders and signs a webhook as the supplier would; `wrongSecret` signs with another key. */
  signWebhook?(event: SupplierWebhookFixture, opts?: { wrongSecret?: boolean }): Promise<{ headers: Record<string, string>; body: Uint8Array }>;
}

export interface SupplierContractOptions {
  name: string;
  capabilities: {
    /** The supplier replays by idempotency key; otherwise the adapter must look up before sending. */
    idempotentPlaceOrder: boolean;
    /** `findOrder` reflects the supplier's real state (null for an unknown reference). */
    lookup: boolean;
    /** `fetchStock` is offered. */
    stockFeed: boolean;
    /** `parseWebhook` is offered and `supplierSide.signWebhook` is given. */
    webhooks: boolean;
  };
  /** Called before every test: a fresh gateway and supplier. */
  setup: () => Promise<{ gateway: SupplierGateway; supplierSide: SupplierSide; teardown: () => Promise<void> }>;
}

const STATUSES: readonly SupplierOrderStatus[] = ['PENDING', 'CONFIRMED', 'PROCESSING', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'FAILED'];

/** A plausible supplier order request; every test uses a fresh reference. */
export function supplierOrderRequest(overrides: Partial<SupplierOrderRequest> = {}): SupplierOrderRequest {
  const reference = overrides.reference ?? randomUUID();
  return {
    idempotencyKey: `dispatch:${reference}`,
    reference,
    lines: [
      { sku: 'SKU-RED-M', quantity: 2, unitPriceMinor: 1250, currency: 'EUR' },
      { sku: 'SKU-BLUE-L', quantity: 1, unitPriceMinor: 990, currency: 'EUR' },
    ],
    shipTo: { name: 'Ada Lovelace', line1: '12 Analytical Way', city: 'London', postalCode: 'N1 9GU', country: 'GB', email: 'ada@example.com' },
    brandName: 'Lovelace Goods',
    ...overrides,
  };
}

async function rejectionOf(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
}

/** Defines the vitest suite every SupplierGateway implementation must pass. */
export function describeSupplierContract(opts: SupplierContractOptions): void {
  const caps = opts.capabilities;

  describe(`SupplierGateway contract: ${opts.name}`, () => {
    let gateway: SupplierGateway;
    let supplier: SupplierSide;
    let teardown: () => Promise<void>;

    beforeEach(async () => {
      ({ gateway, supplierSide: supplier, teardown } = await opts.setup());
    });
    afterEach(async () => {
      await teardown();
    });

    it('declares a way to dispatch exactly once (idempotency key or lookup)', () => {
      expect(caps.idempotentPlaceOrder || caps.lookup).toBe(true);
    });

    it('places an order the supplier receives with our reference and lines', async () => {
      const req = supplierOrderRequest();
      const ack = await gateway.placeOrder(req);
      expect(ack).toMatchObject({ accepted: true });
      if (!ack.accepted) return;
      expect(ack.supplierReference).toEqual(expect.any(String));
      expect(ack.supplierReference.length).toBeGreaterThan(0);
      const orders = await supplier.orders();
      expect(orders).toHaveLength(1);
      expect(orders[0]).toMatchObject({ reference: req.reference, supplierReference: ack.supplierReference });
      expect([...orders[0]!.lines].sort((a, b) => a.sku.localeCompare(b.sku))).toEqual([
        { sku: 'SKU-BLUE-L', quantity: 1 },
        { sku: 'SKU-RED-M', quantity: 2 },
      ]);
    });

    const how = caps.idempotentPlaceOrder ? 'the supplier replays by key' : 'the adapter looks up by reference first';
    it(`never creates a second supplier-side order for a repeated idempotency key (${how})`, async () => {
      const req = supplierOrderRequest();
      const first = await gateway.placeOrder(req);
      const again = await gateway.placeOrder(req);
      const third = await gateway.placeOrder(req);
      expect(again).toEqual(first);
      expect(third).toEqual(first);
      expect((await supplier.orders()).filter((o) => o.reference === req.reference)).toHaveLength(1);
    });

    it('keeps distinct orders distinct', async () => {
      const a = await gateway.placeOrder(supplierOrderRequest());
      const b = await gateway.placeOrder(supplierOrderRequest());
      expect(a.accepted && b.accepted && a.supplierReference !== b.supplierReference).toBe(true);
      expect(await supplier.orders()).toHaveLength(2);
    });

    it('surfaces a timeout after the supplier accepted as outcomeUnknown; findOrder then finds it and a resend does not duplicate', async () => {
      const req = supplierOrderRequest();
      await supplier.failNext('timeout-after-accept');
      const err = await rejectionOf(gateway.placeOrder(req));
      expect(isAdapterError(err)).toBe(true);
      expect(err).toMatchObject({ retryable: true, options: expect.objectContaining({ outcomeUnknown: true }) });
      const held = (await supplier.orders()).filter((o) => o.reference === req.reference);
      expect(held).toHaveLength(1);
      if (caps.lookup) {
        const found = await gateway.findOrder(req.reference);
        expect(found).toMatchObject({ supplierReference: held[0]!.supplierReference });
      }
      const resent = await gateway.placeOrder(req);
      expect(resent).toEqual({ accepted: true, supplierReference: held[0]!.supplierReference });
      expect((await supplier.orders()).filter((o) => o.reference === req.reference)).toHaveLength(1);
    });

    it('maps a supplier 5xx to a retryable AdapterError naming the status, without the body', async () => {
      await supplier.failNext('http-500');
      const err = await rejectionOf(gateway.placeOrder(supplierOrderRequest()));
      expect(isAdapterError(err)).toBe(true);
      expect(err).toMatchObject({ retryable: true });
      expect((err as Error).message).toContain('500');
      expect((err as Error).message).not.toMatch(/secret|stack|internal/i);
      expect(await supplier.orders()).toHaveLength(0);
    });

    it('maps 429 to ADAPTER.RATE_LIMITED with retryAfterMs from Retry-After', async () => {
      await supplier.failNext('rate-limit');
      const err = await rejectionOf(gateway.placeOrder(supplierOrderRequest()));
      expect(isAdapterError(err)).toBe(true);
      expect(err).toMatchObject({ code: 'ADAPTER.RATE_LIMITED', retryable: true, retryAfterMs: 7_000 });
      expect(await supplier.orders()).toHaveLength(0);
    });

    it('returns a supplier-stated out-of-stock as { accepted: false, code: OUT_OF_STOCK }, not a throw', async () => {
      await supplier.failNext('out-of-stock');
      const ack = await gateway.placeOrder(supplierOrderRequest());
      expect(ack).toMatchObject({ accepted: false, code: 'OUT_OF_STOCK', reason: expect.any(String) });
      expect(await supplier.orders()).toHaveLength(0);
    });

    it('tests the connection', async () => {
      expect(await gateway.testConnection()).toMatchObject({ ok: true, message: expect.any(String) });
    });

    describe.runIf(caps.lookup)('lookup', () => {
      it('finds nothing for an unknown reference (null, not a throw)', async () => {
        expect(await gateway.findOrder(randomUUID())).toBeNull();
      });

      it('finds a placed order by our reference with a known status', async () => {
        const req = supplierOrderRequest();
        const ack = await gateway.placeOrder(req);
        const found = await gateway.findOrder(req.reference);
        expect(found).toMatchObject({ supplierReference: ack.accepted ? ack.supplierReference : '' });
        expect(STATUSES).toContain(found!.status);
      });

      it('reports shipment status and tracking', async () => {
        if (!supplier.updateOrder) return;
        const req = supplierOrderRequest();
        await gateway.placeOrder(req);
        const tracking = { number: '1Z999AA10123456784', carrier: 'UPS', url: 'https://www.ups.com/track?tracknum=1Z999AA10123456784' };
        await supplier.updateOrder(req.reference, 'SHIPPED', tracking);
        expect(await gateway.findOrder(req.reference)).toMatchObject({ status: 'SHIPPED', tracking });
      });
    });

    describe.runIf(caps.stockFeed)('stock feed', () => {
      it('returns the supplier feed, zero quantities included', async () => {
        await supplier.setStock('SKU-A', 5);
        await supplier.setStock('SKU-B', 0);
        const feed = await gateway.fetchStock!();
        const bySku = new Map(feed.map((i) => [i.sku, i]));
        expect(bySku.get('SKU-A')).toMatchObject({ quantity: 5 });
        expect(bySku.get('SKU-B')).toMatchObject({ quantity: 0 });
        expect(bySku.get('SKU-A')!.asOf).toBeInstanceOf(Date);
      });
    });

    describe.runIf(caps.webhooks)('webhooks', () => {
      const shipped: SupplierWebhookFixture = {
        kind: 'status',
        eventId: 'evt-1',
        reference: 'ref-1',
        status: 'SHIPPED',
        tracking: { number: '9400111899223197428490', carrier: 'USPS', url: 'https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223197428490' },
      };
      const invalid = async (raw: { headers: Record<string, string>; body: Uint8Array }) => {
        const err = await rejectionOf(gateway.parseWebhook!(raw));
        expect(isDomainError(err)).toBe(true);
        expect(err).toMatchObject({ code: 'WEBHOOK.INVALID_SIGNATURE' });
      };

      it('parses a signed status event with tracking', async () => {
        const events = await gateway.parseWebhook!(await supplier.signWebhook!(shipped));
        expect(events).toEqual([
          { kind: 'status', eventId: 'evt-1', reference: 'ref-1', state: { supplierReference: expect.any(String), status: 'SHIPPED', tracking: shipped.tracking } },
        ]);
      });

      it('parses a signed stock event', async () => {
        const events = await gateway.parseWebhook!(
          await supplier.signWebhook!({ kind: 'stock', eventId: 'evt-2', items: [{ sku: 'SKU-A', quantity: 3 }, { sku: 'SKU-B', quantity: 0 }] }),
        );
        expect(events).toEqual([{ kind: 'stock', eventId: 'evt-2', items: [{ sku: 'SKU-A', quantity: 3 }, { sku: 'SKU-B', quantity: 0 }], asOf: expect.any(Date) }]);
      });

      it('refuses a wrong secret with WEBHOOK.INVALID_SIGNATURE', async () => {
        await invalid(await supplier.signWebhook!(shipped, { wrongSecret: true }));
      });

      it('refuses a re-serialised body (the signature covers the raw bytes)', async () => {
        const raw = await supplier.signWebhook!(shipped);
        const reserialised = JSON.stringify(JSON.parse(Buffer.from(raw.body).toString('utf8')), null, 2);
        await invalid({ headers: raw.headers, body: new TextEncoder().encode(reserialised) });
      });

      it('refuses missing or garbage signature headers and garbage bodies, never throwing anything else', async () => {
        const raw = await supplier.signWebhook!(shipped);
        await invalid({ headers: {}, body: raw.body });
        const garbage = Object.fromEntries(Object.keys(raw.headers).map((k) => [k, 'x']));
        await invalid({ headers: garbage, body: raw.body });
        await invalid({ headers: raw.headers, body: new Uint8Array([0xff, 0x00, 0x7b]) });
      });
    });
  });
}
