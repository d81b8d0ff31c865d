import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AdapterContext } from '@dropship/adapter-sdk';
import type { SupplierOrderStatus, TrackingInfo } from '@dropship/core';
import { hmacCanonical } from '../request-auth';
import { signWebhookBody } from '../webhook';

/**
 * "Acme Fulfilment" — a plausible supplier REST API for tests, on 127.0.0.1 and an ephemeral
 * port. Its JSON is deliberately unlike ours (order_ref, items[].product_code, state names,
 * data envelopes) so the adapter's field mapping is exercised. Test-only: not exported.
 */
// Structurally the testkit's SupplierSide (only specs may import the testkit).
type SupplierFailure = 'timeout-after-accept' | 'http-500' | 'out-of-stock' | 'rate-limit';
type SupplierWebhookFixture =
  | { kind: 'status'; eventId: string; reference: string; status: SupplierOrderStatus; tracking?: TrackingInfo }
  | { kind: 'stock'; eventId: string; items: { sku: string; quantity: number }[] };

export interface StubSupplierOptions {
  /** Honours `Idempotency-Key` (replays the first answer); false = ignores it, duplicates happen. */
  idempotency: boolean;
  auth: { type: 'bearer'; token: string } | { type: 'basic'; username: string; password: string } | { type: 'hmac'; secret: string; header: string; timestampHeader: string };
  webhookSecret: string;
  /** How long a 'timeout-after-accept' answer is held back. */
  slowMs?: number;
}

interface AcmeOrder {
  order_id: string;
  order_ref: string;
  state: string;
  items: { product_code: string; qty: number }[];
  shipment?: { tracking_no: string; carrier_name: string; tracking_link: string };
}
export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export const ACME_STATES: Record<string, SupplierOrderStatus> = {
  received: 'PENDING',
  accepted: 'CONFIRMED',
  in_production: 'PROCESSING',
  dispatched: 'SHIPPED',
  delivered: 'DELIVERED',
  cancelled: 'CANCELLED',
  rejected: 'FAILED',
};
const theirState = (s: SupplierOrderStatus) => Object.entries(ACME_STATES).find(([, ours]) => ours === s)![0];
const WEBHOOK_SIG = 'X-Acme-Signature';
const WEBHOOK_TS = 'X-Acme-Timestamp';

export class StubSupplier {
  readonly requests: RecordedRequest[] = [];
  private readonly held: AcmeOrder[] = [];
  private readonly stock = new Map<string, number>();
  private readonly failures: SupplierFailure[] = [];
  private readonly replays = new Map<string, { body: string; status: number; json: unknown }>();
  private readonly server: http.Server;
  private seq = 0;
  /** TCP connections accepted (keep-alive reuse shows as fewer connections than requests). */
  connections = 0;
  baseUrl = '';

  constructor(private readonly o: StubSupplierOptions) {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => void this.handle(req, Buffer.concat(chunks).toString('utf8'), res));
    });
    this.server.on('connection', () => void this.connections++);
  }

  async start(): Promise<this> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/v2`;
    return this;
  }
  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  async orders() {
    return this.held.map((o) => ({ reference: o.order_ref, supplierReference: o.order_id, lines: o.items.map((i) => ({ sku: i.product_code, quantity: i.qty })) }));
  }
  async setStock(sku: string, quantity: number) {
    this.stock.set(sku, quantity);
  }
  async failNext(kind: SupplierFailure) {
    this.failures.push(kind);
  }
  async updateOrder(reference: string, status: SupplierOrderStatus, tracking?: TrackingInfo) {
    const o = this.held.find((h) => h.order_ref === reference)!;
    o.state = theirState(status);
    if (tracking) o.shipment = { tracking_no: tracking.number, carrier_name: tracking.carrier, tracking_link: tracking.url };
  }
  async signWebhook(event: SupplierWebhookFixture, opts: { wrongSecret?: boolean; timestamp?: number } = {}) {
    const payload =
      event.kind === 'stock'
        ? { id: event.eventId, type: 'inventory.changed', data: { products: event.items.map((i) => ({ product_code: i.sku, on_hand: i.quantity })) } }
        : {
            id: event.eventId,
            type: 'order.updated',
            data: {
              order_id: this.held.find((h) => h.order_ref === event.reference)?.order_id ?? 'ACME-EXTERNAL',
              order_ref: event.reference,
              state: theirState(event.status),
              ...(event.tracking ? { shipment: { tracking_no: event.tracking.number, carrier_name: event.tracking.carrier, tracking_link: event.tracking.url } } : {}),
            },
          };
    const body = new TextEncoder().encode(JSON.stringify(payload));
    const ts = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
    const sig = signWebhookBody(opts.wrongSecret ? 'wrong-secret' : this.o.webhookSecret, body, ts);
    return { headers: { [WEBHOOK_SIG]: `sha256=${sig}`, [WEBHOOK_TS]: ts }, body };
  }

  private authorised(req: http.IncomingMessage, body: string): boolean {
    const a = this.o.auth;
    const got = req.headers.authorization ?? '';
    if (a.type === 'bearer') return got === `Bearer ${a.token}`;
    if (a.type === 'basic') return got === `Basic ${Buffer.from(`${a.username}:${a.password}`).toString('base64')}`;
    const ts = String(req.headers[a.timestampHeader.toLowerCase()] ?? '');
    const sig = Buffer.from(String(req.headers[a.header.toLowerCase()] ?? ''), 'hex');
    const expected = createHmac('sha256', a.secret).update(hmacCanonical(req.method ?? '', req.url ?? '', ts, body)).digest();
    const fresh = Math.abs(Date.now() / 1000 - Number(ts)) < 300;
    return fresh && sig.length === expected.length && timingSafeEqual(sig, expected);
  }

  private async handle(req: http.IncomingMessage, body: string, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://stub');
    this.requests.push({ method: req.method ?? '', path: url.pathname + url.search, headers: req.headers, body });
    const send = (status: number, json: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(json));
    };
    if (!this.authorised(req, body)) return send(401, { error: { code: 'unauthorized', message: 'bad credentials' } });

    const byRef = /^\/api\/v2\/orders\/by-ref\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'GET' && byRef) {
      const o = this.held.find((h) => h.order_ref === decodeURIComponent(byRef[1]!));
      return o ? send(200, { data: o }) : send(404, { error: { code: 'not_found', message: 'no such order' } });
    }
    if (req.method === 'GET' && url.pathname === '/api/v2/inventory') {
      return send(200, { products: [...this.stock].map(([product_code, on_hand]) => ({ product_code, on_hand })) });
    }
    if (req.method === 'POST' && url.pathname === '/api/v2/orders') {
      const key = this.o.idempotency ? req.headers['idempotency-key'] : undefined;
      if (typeof key === 'string') {
        const seen = this.replays.get(key);
        if (seen) return seen.body === body ? send(seen.status, seen.json) : send(422, { error: { code: 'idempotency_mismatch' } });
      }
      const answer = this.createOrder(body);
      if (answer === 'rate-limit') return send(429, { error: { code: 'slow_down' } }, { 'retry-after': '7' });
      if (answer === 'http-500') return send(500, { error: 'internal', stack: 'Error: db password=hunter2-secret at Pool.connect' });
      if (typeof key === 'string') this.replays.set(key, { body, ...answer.reply });
      if (answer.slow) await new Promise((r) => setTimeout(r, this.o.slowMs ?? 1500));
      if (!res.destroyed) send(answer.reply.status, answer.reply.json);
      return;
    }
    send(404, { error: { code: 'no_route' } });
  }

  private createOrder(body: string): 'rate-limit' | 'http-500' | { reply: { status: number; json: unknown }; slow: boolean } {
    const failure = this.failures.shift();
    if (failure === 'rate-limit' || failure === 'http-500') return failure;
    const input = JSON.parse(body) as { order_ref: string; items: { product_code: string; qty: number }[] };
    const short = input.items.find((i) => (this.stock.get(i.product_code) ?? Infinity) < i.qty);
    if (failure === 'out-of-stock' || short) {
      const code = short?.product_code ?? input.items[0]?.product_code;
      return { reply: { status: 409, json: { error: { code: 'OUT_OF_STOCK_ITEM', message: `product ${code}: not enough on hand` } } }, slow: false };
    }
    const order: AcmeOrder = { order_id: `ACME-${1000 + ++this.seq}`, order_ref: input.order_ref, state: 'received', items: input.items };
    this.held.push(order);
    return { reply: { status: 201, json: { data: order } }, slow: failure === 'timeout-after-accept' };
  }
}

/** The adapter options that speak Acme's API (auth and flavour filled in by each test). */
export const acmeMapping = {
  request: {
    order_ref: 'reference',
    'items[].product_code': 'lines[].sku',
    'items[].qty': 'lines[].quantity',
    'recipient.full_name': 'shipTo.name',
    'recipient.street': 'shipTo.line1',
    'recipient.city': 'shipTo.city',
    'recipient.zip': 'shipTo.postalCode',
    'recipient.country': 'shipTo.country',
    'packing_slip.brand': 'brandName',
    channel: '=dropship',
  },
  order: {
    supplierReference: 'data.order_id',
    reference: 'data.order_ref',
    status: 'data.state',
    trackingNumber: 'data.shipment.tracking_no',
    trackingCarrier: 'data.shipment.carrier_name',
    trackingUrl: 'data.shipment.tracking_link',
  },
  statusMap: ACME_STATES,
  rejection: { statuses: [409, 422], codePath: 'error.code', reasonPath: 'error.message', codeMap: { OUT_OF_STOCK_ITEM: 'OUT_OF_STOCK' as const, UNKNOWN_PRODUCT: 'UNKNOWN_SKU' as const } },
  stock: { items: 'products', sku: 'product_code', quantity: 'on_hand' },
  webhook: { eventId: 'id', type: 'type', statusTypes: ['order.updated'], stockTypes: ['inventory.changed'], order: '', stockItems: 'data.products' },
};
export const acmeEndpoints = {
  placeOrder: { method: 'POST' as const, path: '/orders' },
  findOrder: { path: '/orders/by-ref/{reference}' },
  stock: { path: '/inventory' },
};
export const acmeWebhook = { secret: 'whsec-acme-test', signatureHeader: WEBHOOK_SIG, timestampHeader: WEBHOOK_TS, toleranceSeconds: 300 };

/** An AdapterContext for tests (loopback allowed unless said otherwise). */
export const testContext = (allowPrivateUrls = true, now: () => Date = () => new Date()): AdapterContext => ({
  id: 'acme',
  logger: { debug() {}, info() {}, warn() {}, error() {}, child() { return this; } },
  clock: { now },
  dataDir: '/tmp',
  allowPrivateUrls,
});
