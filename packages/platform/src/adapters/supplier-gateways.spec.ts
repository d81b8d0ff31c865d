import { ADAPTER_API_VERSION, defineAdapter, type AdapterContext } from '@dropship/adapter-sdk';
import type { Supplier, SupplierRepository } from '@dropship/core';
import { describe, expect, it } from 'vitest';
import { SupplierGateways } from './supplier-gateways';

const ctx = (id: string): AdapterContext => ({
  id,
  logger: { debug() {}, info() {}, warn() {}, error() {}, child() { return this; } },
  clock: { now: () => new Date() },
  dataDir: '/tmp',
  allowPrivateUrls: false,
});

let created = 0;
let disposed = 0;
const remote = defineAdapter<{ url: string; retries: number }>({
  name: '@acme/adapter-remote',
  apiVersion: ADAPTER_API_VERSION,
  provides: ['supplier'],
  optionsSchema: { type: 'object', required: ['url'], additionalProperties: false, properties: { url: { type: 'string' }, retries: { type: 'integer', default: 3 } } },
  create: (_c, o) => {
    created++;
    return {
      ports: { supplier: { placeOrder: async () => ({ accepted: true, supplierReference: `${o.url}#${o.retries}` }), findOrder: async () => null, testConnection: async () => ({ ok: true, message: '' }) } },
      dispose: async () => void disposed++,
    };
  },
});
const portal = defineAdapter<Record<string, never>>({
  name: '@dropship/adapter-supplier-portal',
  apiVersion: ADAPTER_API_VERSION,
  provides: ['supplier'],
  optionsSchema: { type: 'object' },
  create: () => ({ ports: { supplier: { placeOrder: async (r) => ({ accepted: true, supplierReference: r.reference }), findOrder: async () => null, testConnection: async () => ({ ok: true, message: '' }) } } }),
});
const modules: Record<string, unknown> = { '@acme/adapter-remote': { default: remote }, '@dropship/adapter-supplier-portal': { default: portal } };
const importer = async (s: string) => {
  if (!(s in modules)) throw new Error(`Cannot find package '${s}'`);
  return modules[s];
};

function suppliersWith(rows: Map<string, Partial<Supplier>>): SupplierRepository {
  return { findById: async (id: string) => (rows.get(id) as Supplier | undefined) ?? null } as unknown as SupplierRepository;
}
const request = { idempotencyKey: 'k', reference: 'r', lines: [], shipTo: {}, brandName: 'b' };

describe('SupplierGateways', () => {
  it('builds a gateway from the supplier integration (short name, schema defaults), caches it per version and rebuilds on change', async () => {
    const rows = new Map<string, Partial<Supplier>>([['s1', { id: 's1', version: 1, integration: { adapter: 'remote', options: { url: 'https://a.test' } } }]]);
    const g = new SupplierGateways({ suppliers: suppliersWith(rows), allow: Object.keys(modules), context: ctx, importer });
    created = 0;
    disposed = 0;
    const [a, b] = await Promise.all([g.forSupplier('s1'), g.forSupplier('s1')]);
    expect(a.adapter).toBe('remote');
    expect(a.gateway).toBe(b.gateway);
    expect(created).toBe(1);
    expect(await a.gateway.placeOrder(request)).toEqual({ accepted: true, supplierReference: 'https://a.test#3' });
    rows.set('s1', { id: 's1', version: 2, integration: { adapter: 'remote', options: { url: 'https://b.test', retries: 1 } } });
    const c = await g.forSupplier('s1');
    expect(await c.gateway.placeOrder(request)).toEqual({ accepted: true, supplierReference: 'https://b.test#1' });
    expect([created, disposed]).toEqual([2, 1]);
    await g.close();
    expect(disposed).toBe(2);
  });

  it('uses the portal for suppliers without an integration; refuses unknown suppliers, packages outside the allow-list and env references', async () => {
    const rows = new Map<string, Partial<Supplier>>([
      ['plain', { id: 'plain', version: 1, integration: null }],
      ['evil', { id: 'evil', version: 1, integration: { adapter: '@evil/adapter-x', options: {} } }],
      ['envy', { id: 'envy', version: 1, integration: { adapter: 'remote', options: { url: 'env:SECRET_URL' } } }],
    ]);
    const g = new SupplierGateways({ suppliers: suppliersWith(rows), allow: Object.keys(modules), context: ctx, importer });
    expect((await g.forSupplier('plain')).adapter).toBe('supplier-portal');
    await expect(g.forSupplier('nobody')).rejects.toMatchObject({ name: 'PermanentFailure' });
    await expect(g.forSupplier('evil')).rejects.toThrow(/allow-list/);
    process.env.SECRET_URL = 'https://secret.test';
    try {
      await expect(g.forSupplier('envy')).rejects.toThrow(/SECRET_URL, which is not set/);
    } finally {
      delete process.env.SECRET_URL;
    }
  });
});
