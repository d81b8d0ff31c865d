import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAdapters, packageImporter } from '@dropship/platform';
import { signUp, startTestServer, type TestServer } from './test-support/harness';

const run = promisify(execFile);
const fixture = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../tools/test-setup/fixtures/external-supplier-adapter');

/**
 * Extensibility proof: an adapter package that lives outside the workspace is packed, installed
 * into a deployment directory, named in configuration, and offered to suppliers — with no change
 * to core or apps.
 */
describe('an adapter installed outside the workspace', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dropship-deploy-'));
  let s: TestServer;

  beforeAll(async () => {
    const { stdout } = await run('npm', ['pack', fixture, '--pack-destination', dir, '--silent'], { cwd: dir });
    const tarball = path.join(dir, stdout.trim().split('\n').pop()!);
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'deployment', private: true }));
    await run('npm', ['install', tarball, '--no-audit', '--no-fund', '--offline', '--ignore-scripts'], { cwd: dir });
    writeFileSync(path.join(dir, 'dropship.json'), JSON.stringify({ allow: ['@acme/dropship-supplier-erp'] }));
    s = await startTestServer('embedded', { env: { DROPSHIP_CONFIG: path.join(dir, 'dropship.json'), DROPSHIP_ADAPTER_DIRS: dir } });
  }, 120_000);
  afterAll(async () => {
    await s?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is offered to suppliers, validates its own options, and creates working instances', async () => {
    const { token } = await signUp(s, 'SUPPLIER');
    const started = await s.call('POST', '/api/supplier/application', { token, body: { companyName: 'ACME ERP Co', businessType: 'DISTRIBUTOR', contactEmail: 'erp@acme.test', description: 'ERP' } });
    expect(started.body.integrations.map((i: { name: string }) => i.name)).toEqual(expect.arrayContaining(['supplier-portal', 'dropship-supplier-erp']));
    const bad = await s.call('PATCH', '/api/supplier/application', { token, body: { integration: { adapter: 'dropship-supplier-erp', options: {} } } });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([{ path: '/integration/options/warehouse', message: 'is required' }]);
    const good = await s.call('PATCH', '/api/supplier/application', { token, body: { integration: { adapter: 'dropship-supplier-erp', options: { warehouse: 'NL-1' } } } });
    expect(good.body.supplier.integration).toEqual({ adapter: 'dropship-supplier-erp', options: { warehouse: 'NL-1', priority: 'normal' } });
    const [loaded] = await loadAdapters([{ id: 'acme-erp', use: '@acme/dropship-supplier-erp', options: { warehouse: 'NL-1' } }], {
      allow: s.platform.config.allow,
      env: {},
      importer: packageImporter(s.platform.config.adapterDirs),
      context: (id) => ({ id, logger: s.platform.logger, clock: s.platform.clock, dataDir: dir, allowPrivateUrls: false }),
    });
    const supplier = loaded!.instance.ports.supplier!;
    const request = { idempotencyKey: 'dispatch:so-1', reference: 'so-1', lines: [{ sku: 'A', quantity: 1, unitPriceMinor: 100, currency: 'USD' }], shipTo: {}, brandName: 'Shop' };
    expect(await supplier.placeOrder(request)).toEqual({ accepted: true, supplierReference: 'ERP-NL-1-so-1' });
    expect(await supplier.placeOrder(request)).toEqual({ accepted: true, supplierReference: 'ERP-NL-1-so-1' });
    expect(await supplier.testConnection()).toEqual({ ok: true, message: 'connected to warehouse NL-1 as acme-erp' });
  });

  it('is refused when it is not allow-listed', async () => {
    const other = await startTestServer('embedded', { env: { DROPSHIP_ADAPTER_DIRS: dir } });
    try {
      const { token } = await signUp(other, 'SUPPLIER');
      const started = await other.call('POST', '/api/supplier/application', { token, body: { companyName: 'No ERP', businessType: 'DISTRIBUTOR', contactEmail: 'x@acme.test' } });
      expect(started.body.integrations.map((i: { name: string }) => i.name)).not.toContain('dropship-supplier-erp');
    } finally {
      await other.stop();
    }
  });
});
