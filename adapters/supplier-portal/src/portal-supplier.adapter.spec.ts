import { describe, expect, it } from 'vitest';
import type { SupplierGateway } from '@dropship/core';
import { supplierOrderRequest } from '@dropship/adapter-testkit';
import manifest, { PortalSupplierGateway } from './index';

// The Supplier contract suite does not apply to the portal: there is no supplier-side system to
// observe (`orders()`), no transport that can time out, throttle or answer 5xx (`failNext`), no
// stock feed or webhooks, and findOrder cannot answer null for an unknown reference — the
// platform's own supplier order *is* the portal's state, so every reference reads as queued.
// What the port still demands of it is checked here.
describe('PortalSupplierGateway', () => {
  it('accepts an order under our own reference, idempotently', async () => {
    const gw = new PortalSupplierGateway({ autoAccept: false });
    const req = supplierOrderRequest();
    const first = await gw.placeOrder(req);
    expect(first).toEqual({ accepted: true, supplierReference: req.reference });
    expect(await gw.placeOrder(req)).toEqual(first);
  });

  it('reads a queued order as PENDING, or CONFIRMED with autoAccept', async () => {
    expect(await new PortalSupplierGateway({ autoAccept: false }).findOrder('r1')).toEqual({ supplierReference: 'r1', status: 'PENDING' });
    expect(await new PortalSupplierGateway({ autoAccept: true }).findOrder('r1')).toEqual({ supplierReference: 'r1', status: 'CONFIRMED' });
  });

  it('offers no polling, stock feed or webhooks (its state lives in the platform)', () => {
    const gw: SupplierGateway = new PortalSupplierGateway({ autoAccept: false });
    expect(gw.pollIntervalSeconds).toBeUndefined();
    expect('fetchStock' in gw).toBe(false);
    expect('parseWebhook' in gw).toBe(false);
  });

  it('tests the connection without I/O', async () => {
    expect(await new PortalSupplierGateway({ autoAccept: false }).testConnection()).toMatchObject({ ok: true });
  });

  it('has a manifest providing supplier', () => {
    expect(manifest).toMatchObject({ name: '@dropship/adapter-supplier-portal', apiVersion: 1, provides: ['supplier'] });
  });
});
