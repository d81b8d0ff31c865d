import { describeSupplierContract } from '@dropship/adapter-testkit';
import { __Name__SupplierGateway } from './__name__-supplier.adapter';
import { StubSupplier, testContext } from './testing/stub-supplier';

const apiKey = 'test-api-key';

// The Supplier contract every supplier adapter passes, against the local stub supplier. The stub
// holds a 'timeout-after-accept' answer longer than the adapter's timeout.
describeSupplierContract({
  name: '__package__ against its stub supplier',
  capabilities: { idempotentPlaceOrder: true, lookup: true, stockFeed: true, webhooks: false },
  setup: async () => {
    const stub = await new StubSupplier({ apiKey, slowMs: 2_000 }).start();
    const gateway = new __Name__SupplierGateway(testContext(), { baseUrl: stub.baseUrl, apiKey, timeoutMs: 1_000, pollIntervalSeconds: 300 });
    return { gateway, supplierSide: stub, teardown: () => stub.stop() };
  },
});
