/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are asserted field by field */
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
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

/** A minimal SMTP server on loopback (no TLS, no auth): records every message's raw DATA. */
async function smtpSink() {
  const mails: string[] = [];
  const server = net.createServer((socket) => {
    let buf = '';
    let inData = false;
    socket.write('220 sink ESMTP\r\n');
    socket.on('data', (chunk: Buffer) => {
      buf += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buf.indexOf('\r\n.\r\n');
          if (end < 0) return;
          mails.push(buf.slice(0, end));
          buf = buf.slice(end + 5);
          inData = false;
          socket.write('250 OK queued\r\n');
          continue;
        }
        const nl = buf.indexOf('\r\n');
        if (nl < 0) return;
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 2);
        const cmd = line.slice(0, 4).toUpperCase();
        if (cmd === 'EHLO' || cmd === 'HELO') socket.write('250-sink\r\n250 8BITMIME\r\n');
        else if (cmd === 'DATA') {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (cmd === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('250 OK\r\n');
      }
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `smtp://127.0.0.1:${(server.address() as AddressInfo).port}`, mails, stop: () => new Promise<void>((r) => server.close(() => r())) };
}

describe.each(backends.flatMap((b) => [[b, 'database only'], [b, 'database + SMTP']] as const))('retailer notifications over HTTP (%s, %s)', (backend, mode) => {
  const withSmtp = mode === 'database + SMTP';
  let s: TestServer;
  let supplier: { token: string; supplierId: string };
  let retailer: string;
  let other: string;
  let smtp: Awaited<ReturnType<typeof smtpSink>>;

  beforeAll(async () => {
    smtp = await smtpSink();
    s = await startTestServer(backend, withSmtp ? { env: { SMTP_URL: smtp.url, MAIL_FROM: 'Dropship <no-reply@shop.test>' } } : {});
    const admin = await login(s, ADMIN.email, ADMIN.password);
    supplier = await activeSupplier(s, admin, 'Portal Kettles');
    retailer = (await signUp(s, 'RETAILER', 'shop')).token;
    other = (await signUp(s, 'RETAILER', 'other')).token;
  }, 180_000);
  afterAll(async () => {
    await s?.stop();
    await smtp?.stop();
  });

  it('confirmation and shipment reach the retailer’s notifications (and, with SMTP_URL, the mailbox) with the tracking number; nobody else sees them', async () => {
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

    if (!withSmtp) {
      expect(smtp.mails).toHaveLength(0);
      return;
    }
    // SMTP_URL is set: the same messages also went out by mail (once each, same ids in the headers)
    const mails = await eventually('both mails', async () => smtp.mails.filter((m) => (list.notifications as any[]).some((n) => m.toLowerCase().includes(`x-dropship-notification-id: ${n.id}`))).length >= 2 && smtp.mails);
    const ours = mails.filter((m) => (list.notifications as any[]).some((n) => m.toLowerCase().includes(`x-dropship-notification-id: ${n.id}`)));
    expect(ours).toHaveLength(2);
    expect(ours.some((m) => m.includes('X-Dropship-Template: supplier-order-shipped') && m.includes('1Z999AA10123456784'))).toBe(true);
    expect(ours.some((m) => m.includes('X-Dropship-Template: order-confirmed'))).toBe(true);
  });
});
