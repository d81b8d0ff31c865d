import { describe, expect, it } from 'vitest';
import { describeSupplierContract, supplierOrderRequest } from '../contracts/supplier.contract';
import { FakeSupplier } from './fake-supplier';

for (const idempotent of [true, false]) {
  describeSupplierContract({
    name: `FakeSupplier (${idempotent ? 'idempotency key' : 'lookup before send'})`,
    capabilities: { idempotentPlaceOrder: idempotent, lookup: true, stockFeed: true, webhooks: true },
    setup: async () => {
      const fake = new FakeSupplier({ idempotent });
      return { gateway: fake.gateway, supplierSide: fake, teardown: async () => {} };
    },
  });
}

describe('FakeSupplier specifics', () => {
  it('refuses lines beyond the stock it was given, and counts attempts', async () => {
    const fake = new FakeSupplier();
    await fake.setStock('SKU-RED-M', 1);
    expect(await fake.gateway.placeOrder(supplierOrderRequest())).toMatchObject({ accepted: false, code: 'OUT_OF_STOCK' });
    await fake.setStock('SKU-RED-M', 10);
    expect(await fake.gateway.placeOrder(supplierOrderRequest())).toMatchObject({ accepted: true });
    expect(fake.calls).toBe(2);
  });

  it('exposes the poll interval only when given', () => {
    expect(new FakeSupplier().gateway.pollIntervalSeconds).toBeUndefined();
    expect(new FakeSupplier({ pollIntervalSeconds: 60 }).gateway.pollIntervalSeconds).toBe(60);
  });
});
