import { describe, expect, it } from 'vitest';
import { isUuid } from '../shared/ids';
import { NOTIFICATION_TEMPLATES } from './index';
import { notificationIdFrom, notificationSource } from './notification-id';
import { accountWelcomeTemplate, supplierNewOrderTemplate } from './account-templates';
import {
  orderConfirmedTemplate,
  splitShipmentTemplate,
  supplierOrderFailedTemplate,
  supplierOrderShippedTemplate,
} from './order-templates';
import { renderNotification } from './render-notification';

const to = { email: 'retailer@example.com', name: 'Rita Retail', userId: 'u-1' };
const orderUrl = 'https://app.example.com/orders/o-1';

describe('renderNotification', () => {
  it('order confirmed: subject, text and html carry the order', () => {
    const n = renderNotification(orderConfirmedTemplate, { recipientName: 'Rita', orderNumber: 'DS-000123', itemCount: 3, total: 'USD 42.50', orderUrl }, to, {
      idempotencySource: notificationSource('evt-1', 'order-confirmed'),
    });
    expect(n).toMatchObject({ to, template: 'order-confirmed', subject: 'Order DS-000123 confirmed' });
    expect(n.text).toContain('your order DS-000123 is confirmed: 3 item(s), USD 42.50.');
    expect(n.text).toContain(orderUrl);
    expect(n.html).toContain('<strong>DS-000123</strong>');
    expect(n.html).toContain(`<a href="${orderUrl}">`);
    expect(n.data).toMatchObject({ orderNumber: 'DS-000123', itemCount: 3 });
  });

  it('the id is deterministic given an idempotency source, fresh otherwise', () => {
    const data = { name: 'Ann', email: 'ann@example.com', signInUrl: 'https://app.example.com/login' };
    const src = notificationSource('evt-9', accountWelcomeTemplate.name);
    const a = renderNotification(accountWelcomeTemplate, data, to, { idempotencySource: src });
    const b = renderNotification(accountWelcomeTemplate, data, to, { idempotencySource: src });
    expect(a.id).toBe(b.id);
    expect(a.id).toBe(notificationIdFrom(src));
    const c = renderNotification(accountWelcomeTemplate, data, to);
    const d = renderNotification(accountWelcomeTemplate, data, to);
    expect(isUuid(c.id)).toBe(true);
    expect(c.id).not.toBe(d.id);
  });

  it('shipped: tracking number, carrier and tracking URL in every part', () => {
    const n = renderNotification(
      supplierOrderShippedTemplate,
      {
        recipientName: 'Rita',
        orderNumber: 'DS-000124',
        supplierName: 'Acme Supply',
        carrier: 'UPS',
        trackingNumber: '1Z999AA10123456784',
        trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
        orderUrl,
      },
      to,
    );
    expect(n.subject).toBe('Order DS-000124 shipped: UPS 1Z999AA10123456784');
    expect(n.text).toContain('Carrier: UPS\nTracking number: 1Z999AA10123456784\nTrack it: https://www.ups.com/track?tracknum=1Z999AA10123456784');
    expect(n.html).toContain('<a href="https://www.ups.com/track?tracknum=1Z999AA10123456784">1Z999AA10123456784</a>');
  });

  it('split shipment: says which parcel of how many', () => {
    const n = renderNotification(
      splitShipmentTemplate,
      {
        recipientName: 'Rita',
        orderNumber: 'DS-000125',
        supplierName: 'Beta Goods',
        parcelNumber: 2,
        parcelCount: 3,
        carrier: 'DHL',
        trackingNumber: 'JD014600006281230704',
        trackingUrl: 'https://www.dhl.com/track?id=JD014600006281230704',
        orderUrl,
      },
      to,
    );
    expect(n.subject).toBe('Order DS-000125: parcel 2 of 3 shipped');
    expect(n.text).toContain('Parcel 2 of 3 is on its way from Beta Goods.');
    expect(n.html).toContain('Parcel 2 of 3');
  });

  it('failed: gives the reason and both choices (cancel or wait), escaping the reason in html', () => {
    const n = renderNotification(
      supplierOrderFailedTemplate,
      { recipientName: 'Rita', orderNumber: 'DS-000126', supplierName: 'Acme', reason: 'Out of stock: <SKU-1> & <SKU-2>', orderUrl },
      to,
    );
    expect(n.subject).toContain('DS-000126');
    expect(n.text).toContain('Reason: Out of stock: <SKU-1> & <SKU-2>');
    expect(n.text).toMatch(/Cancel that part/);
    expect(n.text).toMatch(/Wait: /);
    expect(n.html).toContain('Reason: Out of stock: &lt;SKU-1&gt; &amp; &lt;SKU-2&gt;');
    expect(n.html).toMatch(/<strong>Cancel<\/strong>[\s\S]*<strong>Wait<\/strong>/);
  });

  it('supplier new order and welcome render', () => {
    const s = renderNotification(supplierNewOrderTemplate, { supplierName: 'Acme', orderNumber: 'DS-000127-1', itemCount: 2, orderUrl }, to);
    expect(s.subject).toBe('New order DS-000127-1: 2 item(s) to ship');
    const w = renderNotification(accountWelcomeTemplate, { name: 'Ann', email: 'ann@example.com', signInUrl: 'https://app.example.com/login' }, to);
    expect(w.subject).toBe('Welcome to Dropship, Ann');
    expect(w.text).toContain('ann@example.com');
  });

  it('a missing variable throws naming it and the template part', () => {
    const partial = { recipientName: 'Rita', orderNumber: 'DS-1', itemCount: 1, total: 'USD 1.00' } as never;
    expect(() => renderNotification(orderConfirmedTemplate, partial, to)).toThrow(/order-confirmed \(text\)": variable "orderUrl" is missing/);
  });

  it('every registered template renders with its own placeholder names and leaves none behind', () => {
    for (const [name, t] of Object.entries(NOTIFICATION_TEMPLATES)) {
      expect(t.name).toBe(name);
      const names = new Set([...`${t.subject}${t.text}${t.html}`.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]!));
      const data = Object.fromEntries([...names].map((v) => [v, /url/i.test(v) ? `https://x.example/${v}` : `v-${v}`]));
      const n = renderNotification(t, data, to);
      for (const part of [n.subject, n.text, n.html!]) expect(part).not.toContain('{{');
      expect(n.html).toMatch(/^<!doctype html>/);
    }
  });
});
