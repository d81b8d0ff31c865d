import { ADAPTER_API_VERSION, defineAdapter } from '@dropship/adapter-sdk';
import { HttpSupplierGateway } from './http-supplier.adapter';
import { optionsSchema, secretOptions, type SupplierHttpOptions } from './supplier-http.options';

export { HttpSupplierGateway };
export type { SupplierHttpOptions, FieldMapping, HttpAuth } from './supplier-http.options';
export { signWebhookBody } from './webhook';

export default defineAdapter<SupplierHttpOptions>({
  name: '@dropship/adapter-supplier-http',
  apiVersion: ADAPTER_API_VERSION,
  provides: ['supplier'],
  description: 'Connect your own order API: we send orders to your REST endpoints and read status, tracking and stock back.',
  optionsSchema,
  secretOptions,
  create: (ctx, options) => {
    const supplier = new HttpSupplierGateway(ctx, options);
    return { ports: { supplier }, dispose: async () => supplier.dispose() };
  },
});
