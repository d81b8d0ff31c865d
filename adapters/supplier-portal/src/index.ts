import { ADAPTER_API_VERSION, defineAdapter } from '@dropship/adapter-sdk';
import { PortalSupplierGateway, type PortalOptions } from './portal-supplier.adapter';

export { PortalSupplierGateway };

export default defineAdapter<PortalOptions>({
  name: '@dropship/adapter-supplier-portal',
  apiVersion: ADAPTER_API_VERSION,
  provides: ['supplier'],
  description: 'Work in the platform: orders wait in your supplier portal; accept and ship there.',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      notifyEmail: { type: 'string', format: 'email', maxLength: 254 },
      autoAccept: { type: 'boolean', default: false },
    },
  },
  create: (_ctx, options) => ({ ports: { supplier: new PortalSupplierGateway(options) } }),
});
