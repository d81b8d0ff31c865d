import { ADAPTER_API_VERSION, defineAdapter } from '@dropship/adapter-sdk';
import { __Name__SupplierGateway } from './__name__-supplier.adapter';
import { optionsSchema, secretOptions, type __Name__Options } from './__name__.options';

export { __Name__SupplierGateway };
export type { __Name__Options };

export default defineAdapter<__Name__Options>({
  name: '__package__', // must equal the package name
  apiVersion: ADAPTER_API_VERSION,
  provides: ['supplier'],
  description: '__description__',
  optionsSchema,
  secretOptions,
  // No I/O here: the gateway connects lazily, per call.
  create: (ctx, options) => ({ ports: { supplier: new __Name__SupplierGateway(ctx, options) } }),
});
