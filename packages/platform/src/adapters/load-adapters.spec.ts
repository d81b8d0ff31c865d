import { ADAPTER_API_VERSION, defineAdapter, type AdapterContext } from '@dropship/adapter-sdk';
import { describe, expect, it } from 'vitest';
import { loadAdapters } from './load-adapters';
import { SupplierIntegrationRegistry } from './integration-registry';

const ctx = (id: string): AdapterContext => ({
  id,
  logger: { debug() {}, info() {}, warn() {}, error() {}, child() { return this; } },
  clock: { now: () => new Date() },
  dataDir: '/tmp',
  allowPrivateUrls: false,
});

const good = defineAdapter<{ url: string; retries: number }>({
  name: '@acme/adapter-good',
  apiVersion: ADAPTER_API_VERSION,
  provides: ['supplier'],
  optionsSchema: { type: 'object', required: ['url'], additionalProperties: false, properties: { url: { type: 'string', format: 'uri' }, retries: { type: 'integer', default: 3 } } },
  create: (_c, options) => ({ ports: { supplier: { placeOrder: async () => ({ accepted: true, supplierReference: options.url }), findOrder: async () => null, testConnection: async () => ({ ok: true, message: '' }) } } }),
});
const modules: Record<string, unknown> = {
  '@acme/adapter-good': { default: good },
  '@acme/adapter-old': { default: { ...good, name: '@acme/adapter-old', apiVersion: 0 } },
  '@acme/not-an-adapter': { default: { hello: 'world' } },
  '@acme/adapter-liar': { default: { ...good, name: '@acme/adapter-liar', provides: ['bus'] } },
};
const importer = async (s: string) => {
  if (!(s in modules)) throw new Error(`Cannot find package '${s}'`);
  return modules[s];
};
const allow = Object.keys(modules).concat('@acme/adapter-missing');
const load = (use: string, options: Record<string, unknown> = { url: 'https://acme.test' }, env: NodeJS.ProcessEnv = {}) =>
  loadAdapters([{ id: 'acme', use, options }], { allow, env, context: ctx, importer });

describe('adapter loading', () => {
  it('imports by package name, applies schema defaults and resolves env: indirections', async () => {
    const [a] = await load('@acme/adapter-good', { url: 'env:ACME_URL' }, { ACME_URL: 'https://api.acme.test' });
    expect(a!.options).toEqual({ url: 'https://api.acme.test', retries: 3 });
    expect(await a!.instance.ports.supplier!.placeOrder({} as never)).toEqual({ accepted: true, supplierReference: 'https://api.acme.test' });
  });

  it('refuses packages outside the allow-list, naming the adapter id', async () => {
    await expect(loadAdapters([{ id: 'evil', use: 'left-pad', options: {} }], { allow, env: {}, context: ctx, importer })).rejects.toThrow(
      'Adapter "evil" (left-pad): package is not in the allow-list',
    );
  });

  it('explains every other way a package can be wrong', async () => {
    await expect(load('@acme/adapter-missing')).rejects.toThrow(/Adapter "acme" \(@acme\/adapter-missing\): cannot be imported: Cannot find package/);
    await expect(load('@acme/adapter-old')).rejects.toThrow(/built for adapter API v0, this platform speaks v1/);
    await expect(load('@acme/not-an-adapter')).rejects.toThrow(/not an adapter manifest/);
    const bad = load('@acme/adapter-good', { url: 42, extra: true });
    await expect(bad).rejects.toThrow(/Adapter "acme" \(@acme\/adapter-good\): invalid options: .*options\/url must be string/);
    await expect(bad).rejects.toThrow(/options\/extra is not an allowed field/);
    await expect(load('@acme/adapter-good', { url: 'env:NOPE' })).rejects.toThrow(/refers to environment variable NOPE, which is not set/);
    await expect(load('@acme/adapter-liar')).rejects.toThrow(/returned port "supplier" it does not declare/);
  });

  it('refuses two instances with one id', async () => {
    const twice = [
      { id: 'a', use: '@acme/adapter-good', options: { url: 'https://a.test' } },
      { id: 'a', use: '@acme/adapter-good', options: { url: 'https://b.test' } },
    ];
    await expect(loadAdapters(twice, { allow, env: {}, context: ctx, importer })).rejects.toThrow(/the id is used twice/);
  });

  it('offers suppliers the installed supplier adapters and validates their options', async () => {
    const registry = await SupplierIntegrationRegistry.discover(allow, importer);
    expect(registry.available().map((a) => a.name)).toEqual(['good']); // the liar declares only a bus
    expect(registry.validate('good', { url: 'https://x.test' })).toEqual({ ok: true, options: { url: 'https://x.test', retries: 3 } });
    expect(registry.validate('@acme/adapter-good', {})).toMatchObject({ ok: false, errors: [{ path: '/integration/options/url', message: 'is required' }] });
    expect(registry.validate('ftp', {})).toMatchObject({ ok: false, errors: [{ path: '/integration/adapter' }] });
  });
});
