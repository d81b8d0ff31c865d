import type { AdapterManifest } from '@dropship/adapter-sdk';
import type { FieldError, IntegrationValidator } from '@dropship/core';
import { createAjv, toFieldErrors } from '../config/ajv';
import { importManifest } from './load-adapters';

/** `@dropship/adapter-supplier-http` → `supplier-http`: the name suppliers pick in the application. */
export const shortName = (pkg: string): string => pkg.replace(/^@[^/]+\//, '').replace(/^adapter-/, '');

/**
 * The supplier adapters a supplier may choose, read from the allow-listed packages' manifests,
 * with each manifest's options schema compiled once.
 */
export class SupplierIntegrationRegistry implements IntegrationValidator {
  private readonly ajv = createAjv();
  private readonly byName = new Map<string, { manifest: AdapterManifest; validate: ReturnType<ReturnType<typeof createAjv>['compile']> }>();

  constructor(manifests: readonly AdapterManifest[]) {
    for (const m of manifests.filter((x) => x.provides.includes('supplier'))) {
      const entry = { manifest: m, validate: this.ajv.compile(m.optionsSchema) };
      this.byName.set(m.name, entry);
      this.byName.set(shortName(m.name), entry);
    }
  }

  /** Imports every allow-listed package that is installed and keeps those that provide `supplier`. */
  static async discover(allow: readonly string[], importer?: (s: string) => Promise<unknown>): Promise<SupplierIntegrationRegistry> {
    const manifests: AdapterManifest[] = [];
    for (const use of allow) {
      try {
        manifests.push(await importManifest({ id: shortName(use), use, options: {} }, allow, importer));
      } catch {
        // Not installed or not an adapter: it simply is not offered to suppliers.
      }
    }
    return new SupplierIntegrationRegistry(manifests);
  }

  validate(adapter: string, options: Readonly<Record<string, unknown>>): { ok: true; options: Record<string, unknown> } | { ok: false; errors: FieldError[] } {
    const entry = this.byName.get(adapter);
    if (!entry) {
      const names = this.available().map((a) => a.name).join(', ') || 'none installed';
      return { ok: false, errors: [{ path: '/integration/adapter', message: `unknown supplier adapter "${adapter}"; available: ${names}` }] };
    }
    const copy = structuredClone(options) as Record<string, unknown>;
    if (!entry.validate(copy)) return { ok: false, errors: toFieldErrors(entry.validate.errors, '/integration/options') };
    return { ok: true, options: copy };
  }

  available(): readonly { name: string; description: string }[] {
    const seen = new Set<string>();
    const out: { name: string; description: string }[] = [];
    for (const { manifest } of this.byName.values()) {
      if (seen.has(manifest.name)) continue;
      seen.add(manifest.name);
      out.push({ name: shortName(manifest.name), description: manifest.description ?? '' });
    }
    return out;
  }
}
