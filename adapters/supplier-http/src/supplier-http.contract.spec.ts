import { describeSupplierContract } from '@dropship/adapter-testkit';
import { HttpSupplierGateway } from './http-supplier.adapter';
import type { SupplierHttpOptions } from './supplier-http.options';
import { StubSupplier, acmeEndpoints, acmeMapping, acmeWebhook, testContext } from './testing/stub-supplier.server';

for (const idempotency of [true, false]) {
  const token = 'acme-token-7f3a';

  describeSupplierContract({
    name: `supplier-http against a stub supplier ${idempotency ? 'with' : 'without'} idempotency keys`,
    capabilities: { idempotentPlaceOrder: idempotency, lookup: true, stockFeed: true, webhooks: true },
    setup: async () => {
      const stub = await new StubSupplier({ idempotency, auth: { type: 'bearer', token }, webhookSecret: acmeWebhook.secret, slowMs: 800 }).start();
      const options: SupplierHttpOptions = {
        baseUrl: stub.baseUrl,
        auth: { type: 'bearer', token },
        endpoints: acmeEndpoints,
        fieldMapping: acmeMapping,
        ...(idempotency ? { idempotencyHeader: 'Idempotency-Key' } : {}),
        webhook: acmeWebhook,
        timeoutMs: 250,
      };
      const gateway = new HttpSupplierGateway(testContext(), options);
      return {
        gateway,
        supplierSide: stub,
        teardown: async () => {
          gateway.dispose();
          await stub.stop();
        },
      };
    },
  });
}
