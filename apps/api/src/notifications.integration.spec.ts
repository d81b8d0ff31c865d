/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are asserted field by field */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AMQP_TEST_URL, PG_ADMIN_URL, requireServer } from '@dropship/test-setup';
import { activeSupplier, ADMIN, login, signUp, startTestServer, type Backend, type TestServer } from './test-support/harness';

const servers = (await requireServer('PostgreSQL', PG_ADMIN_URL)) && (await requireServer('RabbitMQ', AMQP_TEST_URL));
const backends: Backend[] = servers ? ['embedded', 'postgres+rabbitmq'] : ['embedded'];

const address = { name: 'Ada Lovelace', address1: '12 Analytical Row', city: 'London', zip: 'N1 9GU', country: 'gb' };

async function eventually<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.each(backends)('retailer notifications over HTTP (%s)', (backend) => {
  let s: TestServer;
  let supplier: { token: string; supplierId: string };
  let retailer: string;
  let other: string;

  beforeAll(async () => {
    s = await startTestServer(backend);
    const admin = await login(s, ADMIN.email, ADMIN.password);
    supplier = await activeSupplier(s, admin, 'Portal Kettles');
    retailer = (await signUp(s, 'RETAILER', 'shop')).token;
    other = (await signUp(s, 'RETAILER', 'other')).token;
  }, 180_000);
  afterAll(async () => {
    await s?.stop();
  });

  it('confirmation and shipment reach the retailer’s notifications with the tracking number; nobody else sees them', async () => {
    const created = await s.call('POST', '/api/supplier/products', { token: supplier.token, body: { sku: `KETTLE-${randomUUID().slice(0, 6)}`, title: 'Copper Kettle', wholesalePrice: '10.00', inventoryQuantity: 20 } });
    expect(created.status).toBe(201);
    const kettle = created.body.product as { id: string };
    expect((await s.call('POST', '/api/products/import', { token: retailer, body: { supplierProductIds: [kettle.id] } })).status).toBe(200);
    const placed = await s.call('POST', '/api/orders', {
      token: retailer,
      headers: { 'idempotency-key': randomUUID() },
      body: { storeOrderId: `#${randomUUID().slice(0, 8)}`, items: [{ supplierProductId: kettle.id, quantity: 1, retailPrice: '39.99' }], shippingAddress: address },
    });
    expect(placed.status).toBe(201);
    const orderId = placed.body.order.id as string;
    const part = placed.body.order.supplierOrders[0].id as string;
    await eventually('dispatch of the portal part', async () => {
      const ev = (await s.call('GET', `/api/orders/${orderId}/events`, { token: retailer })).body.events as any[];
      return ev.some((e) => e.type === 'dispatch.accepted' && e.supplierOrderId === part);
    });
    expect((await s.call('POST', `/api/supplier/orders/${part}/accept`, { token: supplier.token })).status).toBe(200);
    expect((await s.call('POST', `/api/supplier/orders/${part}/ship`, { token: supplier.token, body: { trackingNumber: '1Z999AA10123456784' } })).status).toBe(200);

    const list = await eventually('both notifications', async () => {
      const r = await s.call('GET', '/api/notifications', { token: retailer });
      expect(r.status).toBe(200);
      return r.body.total >= 2 && r.body;
    });
    expect(list.total).toBe(2);
    const templates = (list.notifications as any[]).map((n) => n.template).sort();
    expect(templates).toEqual(['order-confirmed', 'supplier-order-shipped']);
    const shipped = (list.notifications as any[]).find((n) => n.template === 'supplier-order-shipped');
    expect(shipped.text).toContain('1Z999AA10123456784');
    expect(shipped.subject).toContain('1Z999AA10123456784');
    expect(shipped.readAt).toBeNull();

    // another user sees none of them and cannot mark them read (404 like a missing id)
    const foreign = await s.call('GET', '/api/notifications', { token: other });
    expect(foreign.status).toBe(200);
    expect(foreign.body.total).toBe(0);
    expect((await s.call('POST', `/api/notifications/${shipped.id}/read`, { token: other })).status).toBe(404);
    expect((await s.call('POST', `/api/notifications/${randomUUID()}/read`, { token: retailer })).status).toBe(404);
    const read = await s.call('POST', `/api/notifications/${shipped.id}/read`, { token: retailer });
    expect(read.status).toBe(200);
    expect(read.body.notification.readAt).toEqual(expect.any(String));
    const paged = await s.call('GET', '/api/notifications?page=2&pageSize=1', { token: retailer });
    expect(paged.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(paged.body.notifications).toHaveLength(1);
    expect((await s.call('GET', '/api/notifications')).status).toBe(401);
  });
});
