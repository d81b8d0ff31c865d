import type { AdapterContext, AdapterInstance } from '@dropship/adapter-sdk';
import { PermanentFailure, type SupplierGateway, type SupplierRepository } from '@dropship/core';
import { shortName } from './integration-registry';
import { importManifest, validateOptions } from './load-adapters';
import type { Importer } from './package-importer';

/** Suppliers without a chosen integration work in the portal. */
const DEFAULT_INTEGRATION = { adapter: 'supplier-portal', options: {} } as const;

/**
 * One SupplierGateway per supplier, created from its `integration { adapter, options }` with the
 * same checks as configured adapters (allow-list, manifest, options schema) and cached per
 * supplier + version: a changed integration builds a new instance and disposes the old one.
 * Supplier-entered options never resolve `${ENV}` references (they would read the server's env).
 */
export class SupplierGateways {
  private readonly cache = new Map<string, { version: number; adapter: string; gateway: SupplierGateway; instance: AdapterInstance }>();
  private readonly building = new Map<string, Promise<{ gateway: SupplierGateway; adapter: string }>>();

  constructor(
    private readonly deps: {
      suppliers: SupplierRepository;
      allow: readonly string[];
      context: (id: string) => AdapterContext;
      importer?: Importer;
    },
  ) {}

  /** The supplier's gateway and its adapter's short name (`supplier-portal`, `supplier-http`, …). */
  async forSupplier(supplierId: string): Promise<{ gateway: SupplierGateway; adapter: string }> {
    const supplier = await this.deps.suppliers.findById(supplierId);
    if (!supplier) throw new PermanentFailure(`supplier ${supplierId} does not exist`);
    const hit = this.cache.get(supplierId);
    if (hit && hit.version === supplier.version) return { gateway: hit.gateway, adapter: hit.adapter };
    const key = `${supplierId}:${supplier.version}`;
    const pending = this.building.get(key);
    if (pending) return pending;
    const build = (async () => {
      const integration = supplier.integration ?? DEFAULT_INTEGRATION;
      const use = this.deps.allow.find((a) => a === integration.adapter || shortName(a) === integration.adapter) ?? integration.adapter;
      const config = { id: `supplier-${supplierId}`, use, options: integration.options };
      const manifest = await importManifest(config, this.deps.allow, this.deps.importer);
      const options = validateOptions(config, manifest, {});
      const instance = await manifest.create(this.deps.context(config.id), options);
      const gateway = instance.ports.supplier;
      if (!gateway) throw new PermanentFailure(`adapter ${use} provides no supplier port`);
      await instance.init?.();
      const old = this.cache.get(supplierId);
      this.cache.set(supplierId, { version: supplier.version, adapter: shortName(use), gateway, instance });
      if (old) await old.instance.dispose?.().catch(() => undefined);
      return { gateway, adapter: shortName(use) };
    })();
    this.building.set(key, build);
    try {
      return await build;
    } finally {
      this.building.delete(key);
    }
  }

  /** Disposes every cached instance (shutdown). */
  async close(): Promise<void> {
    const all = [...this.cache.values()];
    this.cache.clear();
    await Promise.all(all.map((c) => c.instance.dispose?.().catch(() => undefined)));
  }
}
