/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are asserted field by field */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AMQP_TEST_URL, PG_ADMIN_URL, requireServer } from '@dropship/test-setup';
import { activeSupplier, ADMIN, login, signUp, startTestServer, type Backend, type TestServer } from './test-support/harness';

const servers = (await requireServer('PostgreSQL', PG_ADMIN_URL)) && (await requireServer('RabbitMQ', AMQP_TEST_URL));
const backends: Backend[] = servers ? ['embedded', 'postgres+rabbitmq'] : ['embedded'];

const address = { name: 'Ada Lovelace', address1: '12 Analytical Row', city: 'London', zip: 'N1 9GU', country: 'gb' };

/** A supplier REST API on loopback for the supplier-http adapter: idempotent by key, lookup by our reference. */
async function stubSupplierApi() {
  const orders: { id: string; reference: string; status: string; body: any }[] = [];
  const byKey = new Map<string, string>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.headers.authorization !== 'Bearer stub-token') return send(401, { error: 'unauthorized' });
      const url = new URL(req.url ?? '/', 'http://x');
      if (req.method === 'POST' && url.pathname === '/v1/orders') {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        const key = String(req.headers['idempotency-key'] ?? '');
        const existing = orders.find((o) => o.id === byKey.get(key));
        if (existing) return send(201, existing);
        const o = { id: `HTTP-${orders.length + 1}`, reference: body.reference, status: 'CONFIRMED', body };
        orders.push(o);
        byKey.set(key, o.id);
        return send(201, { id: o.id, reference: o.reference, status: o.status });
      }
      const m = /^\/v1\/orders\/by-ref\/(.+)$/.exec(url.pathname);
      if (req.method === 'GET' && m) {
        const o = orders.find((x) => x.reference === decodeURIComponent(m[1]!));
        return o ? send(200, { id: o.id, reference: o.reference, status: o.status }) : send(404, { error: 'not found' });
      }
      send(404, { error: 'no route' });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return { orders, baseUrl, stop: () => new Promise<void>((r) => server.close(() => r())) };
}

async function eventually<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.each(backends)('routing, dispatch and fulfilment over HTTP (%s)', (backend) => {
  let s: TestServer;
  let stub: Awaited<ReturnType<typeof stubSupplierApi>>;
  let admin: string;
  let httpSup: { token: string; supplierId: string };
  let portalSup: { token: string; supplierId: string };
  let retailer: string;
  let other: string;

  const product = async (sup: { token: string }, sku: string) => {
    const r = await s.call('POST', '/api/supplier/products', { token: sup.token, body: { sku, title: 'Walnut Desk Lamp', wholesalePrice: '10.00', inventoryQuantity: 20 } });
    if (r.status !== 201) throw new Error(`product: ${r.text}`);
    return r.body.product as { id: string; sku: string };
  };

  beforeAll(async () => {
    stub = await stubSupplierApi();
    s = await startTestServer(backend, { env: { DROPSHIP_ALLOW_PRIVATE_URLS: '1' } });
    admin = await login(s, ADMIN.email, ADMIN.password);
    httpSup = await activeSupplier(s, admin, 'Remote Lamps', {
      adapter: 'supplier-http',
      options: { baseUrl: stub.baseUrl, auth: { type: 'bearer', token: 'stub-token' }, endpoints: { placeOrder: { path: '/orders' }, findOrder: { path: '/orders/by-ref/{reference}' } }, idempotencyHeader: 'Idempotency-Key' },
    });
    portalSup = await activeSupplier(s, admin, 'Portal Kettles');
    retailer = (await signUp(s, 'RETAILER', 'shop')).token;
    other = (await signUp(s, 'RETAILER', 'other')).token;
  }, 180_000);
  afterAll(async () => {
    await s?.stop();
    await stub?.stop();
  });

  it('dispatches a two-supplier order to both suppliers, ships in two parts and shows both shipments and the event log', async () => {
    const lamp = await product(httpSup, `LAMP-${randomUUID().slice(0, 6)}`);
    const kettle = await product(portalSup, `KETTLE-${randomUUID().slice(0, 6)}`);
    expect((await s.call('POST', '/api/products/import', { token: retailer, body: { supplierProductIds: [lamp.id, kettle.id] } })).status).toBe(200);
    const placed = await s.call('POST', '/api/orders', {
      token: retailer,
      headers: { 'idempotency-key': randomUUID() },
      body: { storeOrderId: `#${randomUUID().slice(0, 8)}`, items: [{ supplierProductId: lamp.id, quantity: 2, retailPrice: '29.99' }, { supplierProductId: kettle.id, quantity: 1, retailPrice: '39.99' }], shippingAddress: address },
    });
    expect(placed.status).toBe(201);
    const orderId = placed.body.order.id as string;
    const partOf = (o: any, supplierId: string) => o.supplierOrders.find((p: any) => p.supplierId === supplierId);

    // the http supplier confirms through its API; the portal part waits in the supplier's queue
    const dispatched = await eventually('http part CONFIRMED', async () => {
      const o = (await s.call('GET', `/api/orders/${orderId}`, { token: retailer })).body.order;
      return partOf(o, httpSup.supplierId).status === 'CONFIRMED' && o;
    });
    expect(partOf(dispatched, portalSup.supplierId).status).toBe('PENDING');
    expect(stub.orders).toHaveLength(1);
    expect(stub.orders[0]!.body).toMatchObject({ idempotencyKey: `dispatch:${partOf(dispatched, httpSup.supplierId).id}`, reference: partOf(dispatched, httpSup.supplierId).id, shipTo: { line1: '12 Analytical Row', postalCode: 'N1 9GU', country: 'GB' } });
    await eventually('dispatch of the portal part', async () => {
      const ev = (await s.call('GET', `/api/orders/${orderId}/events`, { token: retailer })).body.events as any[];
      return ev.some((e) => e.type === 'dispatch.accepted' && e.supplierOrderId === partOf(dispatched, portalSup.supplierId).id);
    });

    const portalPart = partOf(dispatched, portalSup.supplierId).id;
    const httpPart = partOf(dispatched, httpSup.supplierId).id;
    // foreign supplier orders are missing
    expect((await s.call('POST', `/api/supplier/orders/${portalPart}/accept`, { token: httpSup.token })).status).toBe(404);
    const accepted = await s.call('POST', `/api/supplier/orders/${portalPart}/accept`, { token: portalSup.token });
    expect(accepted.status).toBe(200);
    expect(accepted.body.supplierOrder.status).toBe('CONFIRMED');
    const shipped = await s.call('POST', `/api/supplier/orders/${portalPart}/ship`, { token: portalSup.token, body: { trackingNumber: '1Z999AA10123456784' } });
    expect(shipped.status).toBe(200);
    expect(shipped.body.shipment).toMatchObject({ carrier: 'UPS', trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784' });
    expect((await s.call('GET', `/api/supplier/products/${kettle.id}`, { token: portalSup.token })).body.product).toMatchObject({ inventoryQuantity: 19 });
    expect((await s.call('POST', `/api/supplier/orders/${httpPart}/ship`, { token: httpSup.token, body: { trackingNumber: '9400111899223100000000', carrier: 'USPS' } })).status).toBe(200);

    const status = await s.call('GET', `/api/orders/${orderId}/status`, { token: retailer });
    expect(status.status).toBe(200);
    expect(status.body.status).toBe('SHIPPED');
    expect(status.body.tracking.shipments).toHaveLength(2);
    expect(status.body.tracking.shipments.map((x: any) => x.carrier).sort()).toEqual(['UPS', 'USPS']);
    expect((await s.call('POST', `/api/supplier/orders/${portalPart}/deliver`, { token: portalSup.token })).body.supplierOrder.status).toBe('DELIVERED');

    const events = await s.call('GET', `/api/orders/${orderId}/events`, { token: retailer });
    const types = (events.body.events as any[]).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['dispatch.requested', 'dispatch.accepted', 'status.changed', 'shipment.created']));
    expect((await s.call('GET', `/api/orders/${orderId}/events`, { token: admin })).status).toBe(200);
    expect((await s.call('GET', `/api/orders/${orderId}/events`, { token: other })).status).toBe(404);
    expect((await s.call('GET', `/api/orders/${orderId}/status`, { token: other })).status).toBe(404);
  }, 120_000);

  it('stores a poison orders.placed message as a dead letter visible to admins, while other orders still dispatch (DSP-4-lite)', async () => {
    const poisonId = randomUUID();
    await s.platform.persistence.repos.outbox.enqueue([{ id: randomUUID(), topic: 'orders.placed', payload: { orderId: poisonId }, headers: {} }], new Date());
    s.platform.relay.nudge();
    const lamp = await product(httpSup, `LAMP-${randomUUID().slice(0, 6)}`);
    expect((await s.call('POST', '/api/products/import', { token: retailer, body: { supplierProductIds: [lamp.id] } })).status).toBe(200);
    const placed = await s.call('POST', '/api/orders', {
      token: retailer,
      headers: { 'idempotency-key': randomUUID() },
      body: { storeOrderId: `#${randomUUID().slice(0, 8)}`, items: [{ supplierProductId: lamp.id, quantity: 1, retailPrice: '29.99' }], shippingAddress: address },
    });
    expect(placed.status).toBe(201);
    const dead = await eventually('the dead letter', async () => {
      const r = await s.call('GET', '/api/admin/dead-letters', { token: admin });
      return (r.body.deadLetters as any[]).find((d) => d.payload?.orderId === poisonId);
    });
    expect(dead).toMatchObject({ queue: 'worker.order-dispatch', topic: 'orders.placed', reason: expect.stringMatching(/does not exist/) });
    expect((await s.call('GET', '/api/admin/dead-letters', { token: retailer })).status).toBe(403);
    await eventually('the healthy order confirmed', async () => (await s.call('GET', `/api/orders/${placed.body.order.id}`, { token: retailer })).body.order.status === 'CONFIRMED');
    const retried = await s.call('POST', `/api/admin/dead-letters/${dead.id}/retry`, { token: admin });
    expect(retried.status).toBe(200);
    expect(retried.body.deadLetter.retriedAt).toBeTruthy();
    expect((await s.call('POST', `/api/admin/dead-letters/${randomUUID()}/retry`, { token: admin })).status).toBe(404);
  }, 120_000);
});
