import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AdapterContext } from '@dropship/adapter-sdk';
import type { SupplierOrderStatus, TrackingInfo } from '@dropship/core';
import { STATUS_MAP, type WireOrder, type WireOrderRequest } from '../__name__.mapping';

/**
 * A local supplier speaking the generated protocol (README.md) on 127.0.0.1 and an ephemeral
 * port, for tests only. It is structurally the testkit's `SupplierSide` (what the supplier
 * received, plus knobs that make its next answer misbehave) — adapter code may not import the
 * testkit, only specs may. When you map a real API, change this stub to speak it too.
 */
type SupplierFailure = 'timeout-after-accept' | 'http-500' | 'out-of-stock' | 'rate-limit';

export interface StubSupplierOptions {
  /** The bearer key the stub accepts; anything else gets 401. */
  apiKey: string;
  /** How long a 'timeout-after-accept' answer is held back (longer than the adapter's timeout). */
  slowMs?: number;
}

const theirStatus = (s: SupplierOrderStatus) => Object.entries(STATUS_MAP).find(([, ours]) => ours === s)![0];

export class StubSupplier {
  baseUrl = '';
  /** Every request received, for adapter-specific assertions. */
  readonly requests: { method: string; path: string; headers: http.IncomingHttpHeaders }[] = [];
  private readonly held: WireOrder[] = [];
  private readonly stock = new Map<string, number>();
  private readonly failures: SupplierFailure[] = [];
  private readonly replays = new Map<string, { body: string; status: number; json: unknown }>();
  private readonly server: http.Server;
  private seq = 0;

  constructor(private readonly o: StubSupplierOptions) {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => void this.handle(req, Buffer.concat(chunks).toString('utf8'), res));
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  // --- SupplierSide ---------------------------------------------------------------------------
  async orders() {
    return this.held.map((o) => ({ reference: o.reference, supplierReference: o.id, lines: o.lines.map((l) => ({ sku: l.sku, quantity: l.quantity })) }));
  }
  async setStock(sku: string, quantity: number) {
    this.stock.set(sku, quantity);
  }
  async failNext(kind: SupplierFailure) {
    this.failures.push(kind);
  }
  async updateOrder(reference: string, status: SupplierOrderStatus, tracking?: TrackingInfo) {
    const order = this.held.find((h) => h.reference === reference);
    if (!order) throw new Error(`stub supplier holds no order ${reference}`);
    order.status = theirStatus(status);
    if (tracking) order.tracking = { ...tracking };
  }

  // --- the protocol -----------------------------------------------------------------------------
  private async handle(req: http.IncomingMessage, body: string, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://stub');
    this.requests.push({ method: req.method ?? '', path: url.pathname + url.search, headers: req.headers });
    const send = (status: number, json: unknown, headers: Record<string, string> = {}) => {
      if (!res.destroyed) res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(json));
    };
    if (req.headers.authorization !== `Bearer ${this.o.apiKey}`) return send(401, { error: { code: 'UNAUTHORIZED', message: 'bad api key' } });

    if (req.method === 'GET' && url.pathname === '/v1/orders') {
      const reference = url.searchParams.get('reference');
      return send(200, { orders: this.held.filter((o) => reference === null || o.reference === reference) });
    }
    if (req.method === 'GET' && url.pathname === '/v1/stock') {
      return send(200, { items: [...this.stock].map(([sku, quantity]) => ({ sku, quantity })), asOf: new Date().toISOString() });
    }
    if (req.method === 'POST' && url.pathname === '/v1/orders') {
      const key = req.headers['idempotency-key'];
      if (typeof key !== 'string' || !key) return send(400, { error: { code: 'IDEMPOTENCY_KEY_REQUIRED', message: 'Idempotency-Key header required' } });
      const seen = this.replays.get(key);
      if (seen) return seen.body === body ? send(seen.status, seen.json) : send(400, { error: { code: 'IDEMPOTENCY_KEY_REUSED', message: 'key reused with another body' } });
      const failure = this.failures.shift();
      if (failure === 'rate-limit') return send(429, { error: { code: 'RATE_LIMITED' } }, { 'retry-after': '7' });
      if (failure === 'http-500') return send(500, { error: 'internal', stack: 'Error: db password=hunter2-secret at Pool.connect' });
      const answer = this.createOrder(JSON.parse(body) as WireOrderRequest, failure === 'out-of-stock');
      // Recorded before any delay: a resend after a timeout replays the first answer.
      this.replays.set(key, { body, ...answer });
      if (failure === 'timeout-after-accept') await new Promise((r) => setTimeout(r, this.o.slowMs ?? 1_500));
      return send(answer.status, answer.json);
    }
    send(404, { error: { code: 'NOT_FOUND', message: 'no such route' } });
  }

  private createOrder(input: WireOrderRequest, outOfStock: boolean): { status: number; json: unknown } {
    const short = input.lines.find((l) => (this.stock.get(l.sku) ?? Infinity) < l.quantity);
    if (outOfStock || short) {
      const sku = short?.sku ?? input.lines[0]?.sku;
      return { status: 422, json: { error: { code: 'OUT_OF_STOCK', message: `${sku}: not enough stock` } } };
    }
    const order: WireOrder = {
      id: `SUP-${1000 + ++this.seq}`,
      reference: input.reference,
      status: 'pending',
      lines: input.lines.map((l) => ({ sku: l.sku, quantity: l.quantity })),
    };
    this.held.push(order);
    return { status: 201, json: order };
  }
}

/** An AdapterContext for tests (loopback allowed unless said otherwise). */
export const testContext = (allowPrivateUrls = true): AdapterContext => ({
  id: '__name__',
  logger: { debug() {}, info() {}, warn() {}, error() {}, child() { return this; } },
  clock: { now: () => new Date() },
  dataDir: '/tmp',
  allowPrivateUrls,
});
