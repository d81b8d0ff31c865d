/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are asserted field by field */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AMQP_TEST_URL, PG_ADMIN_URL, requireServer } from '@dropship/test-setup';
import { activeSupplier, ADMIN, login, signUp, startTestServer, waitForJob, type Backend, type TestServer } from './test-support/harness';

const servers = (await requireServer('PostgreSQL', PG_ADMIN_URL)) && (await requireServer('RabbitMQ', AMQP_TEST_URL));
const backends: Backend[] = servers ? ['embedded', 'postgres+rabbitmq'] : ['embedded'];

function catalogCsv(rows: number, bad: Set<number> = new Set()): string {
  const lines = ['SKU,Title,Description,Wholesale Price,MSRP,Stock,Category,Weight,Images'];
  for (let i = 1; i <= rows; i++) {
    const price = bad.has(i) ? 'free' : (5 + (i % 50) + 0.99).toFixed(2);
    lines.push(`IMP-${String(i).padStart(6, '0')},"Braided Cable ${i}, 2 m","USB-C cable, 100 W",${price},${(20 + (i % 50)).toFixed(2)},${i % 7 === 0 ? 0 : 10 + (i % 90)},phone-cases,${40 + (i % 20)},https://img.test/${i}.jpg`);
  }
  return lines.join('\r\n');
}

describe.each(backends)('supplier onboarding and catalog over HTTP (%s)', (backend) => {
  let s: TestServer;
  let admin: string;
  let supplier: { token: string; supplierId: string };
  let productId: string;

  beforeAll(async () => {
    s = await startTestServer(backend);
    admin = await login(s, ADMIN.email, ADMIN.password);
  }, 120_000);
  afterAll(async () => s?.stop());

  it('serves health, readiness, metrics, the OpenAPI document and the rendered reference', async () => {
    expect((await s.call('GET', '/health')).body.status).toBe('ok');
    const ready = await s.call('GET', '/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ database: true, queue: true });
    const doc = await s.call('GET', '/api/openapi.json');
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/products', '/api/supplier/products/{id}/inventory', '/api/supplier/products/import']));
    expect((await s.call('GET', '/api/docs')).text).toContain('Supplier catalog');
    expect((await s.call('GET', '/metrics')).text).toContain('http_requests_total');
  });

  it('takes a supplier through the application steps to approval, with an audit row', async () => {
    const { token } = await signUp(s, 'SUPPLIER');
    const me = await s.call('GET', '/api/me', { token });
    expect(me.body.user.role).toBe('SUPPLIER');
    const created = await s.call('POST', '/api/supplier/application', { token, body: { companyName: 'Voltline Cables', businessType: 'MANUFACTURER', contactEmail: 'ops@voltline.test', description: 'Cables.' } });
    expect(created.status).toBe(201);
    expect(created.body.supplier.status).toBe('DRAFT');
    expect(created.body.integrations.map((i: any) => i.name)).toContain('supplier-portal');
    const early = await s.call('POST', '/api/supplier/application/submit', { token });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('ONBOARDING.INCOMPLETE');
    const badIntegration = await s.call('PATCH', '/api/supplier/application', { token, body: { integration: { adapter: 'supplier-portal', options: { autoAccept: 'yes' } } } });
    expect(badIntegration.status).toBe(422);
    expect(badIntegration.body.errors[0].path).toBe('/integration/options/autoAccept');
    const unknown = await s.call('PATCH', '/api/supplier/application', { token, body: { integration: { adapter: 'nope', options: {} } } });
    expect(unknown.body.errors[0].message).toMatch(/available: supplier-portal/);
    const patched = await s.call('PATCH', '/api/supplier/application', {
      token,
      body: {
        verificationDocuments: [{ type: 'BUSINESS_REGISTRATION', reference: 'HRB 1' }],
        shippingMethods: [{ carrier: 'UPS', service: 'Ground', days: 3 }],
        fulfillmentSpeed: '1-2 days',
        minOrderValue: '25.00',
        integration: { adapter: 'supplier-portal', options: {} },
      },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.steps.every((x: any) => x.complete)).toBe(true);
    expect(patched.body.supplier.minOrderValue).toBe('25.00');
    const submitted = await s.call('POST', '/api/supplier/application/submit', { token });
    expect(submitted.body.supplier.status).toBe('PENDING');
    const frozen = await s.call('PATCH', '/api/supplier/application', { token, body: { companyName: 'Renamed' } });
    expect(frozen.status).toBe(409);

    const queue = await s.call('GET', '/api/admin/suppliers?status=PENDING', { token: admin });
    const id = created.body.supplier.id;
    expect(queue.body.suppliers.map((x: any) => x.id)).toContain(id);
    const approved = await s.call('POST', `/api/admin/suppliers/${id}/approve`, { token: admin });
    expect(approved.body.supplier.status).toBe('ACTIVE');
    const again = await s.call('POST', `/api/admin/suppliers/${id}/approve`, { token: admin });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ONBOARDING.INVALID_TRANSITION');
    const audit = await s.call('GET', `/api/admin/audit?targetType=supplier&targetId=${id}`, { token: admin });
    expect(audit.body.entries.map((e: any) => e.action)).toContain('supplier.approve');
    const directory = await s.call('GET', '/api/suppliers?q=Voltline');
    expect(directory.body.suppliers.map((x: any) => x.slug)).toContain('voltline-cables');
  });

  it('lets an active supplier add products, set stock one by one and in bulk; the public sees buffered stock', async () => {
    supplier = await activeSupplier(s, admin, 'Nordhaus Home');
    const created = await s.call('POST', '/api/supplier/products', {
      token: supplier.token,
      body: { sku: 'NH-LAMP-1', title: 'Walnut Desk Lamp', description: 'Warm light for your desk', wholesalePrice: '18.50', msrp: '49.99', category: 'phone-cases', weight: 900, images: ['https://img.test/lamp.jpg'], inventoryQuantity: 50 },
    });
    expect(created.status).toBe(201);
    productId = created.body.product.id;
    expect(created.body.product).toMatchObject({ inventoryQuantity: 50, bufferedQuantity: 45, status: 'ACTIVE', wholesalePrice: '18.50' });
    const dup = await s.call('POST', '/api/supplier/products', { token: supplier.token, body: { sku: 'NH-LAMP-1', title: 'x', wholesalePrice: '1.00' } });
    expect(dup.status).toBe(409);
    const stock = await s.call('PUT', `/api/supplier/products/${productId}/inventory`, { token: supplier.token, body: { quantity: 0 } });
    expect(stock.body).toMatchObject({ message: 'Updated', product: { inventoryQuantity: 0, status: 'OUT_OF_STOCK' } });
    const bulk = await s.call('PUT', '/api/supplier/inventory', { token: supplier.token, body: { items: [{ sku: 'NH-LAMP-1', quantity: 21 }, { sku: 'NOPE', quantity: 1 }] } });
    expect(bulk.body).toEqual({ updated: 1, unknownSkus: ['NOPE'] });

    const found = await s.call('GET', `/api/products?q=lamps&category=phone-cases&minPrice=10&maxPrice=20&supplierId=${supplier.supplierId}&inStock=true`);
    expect(found.status).toBe(200);
    expect(found.body.products).toHaveLength(1);
    expect(found.body.products[0]).toMatchObject({ id: productId, inventoryQuantity: 18, supplierName: 'Nordhaus Home' });
    expect(found.body.products[0].reservedQuantity).toBeUndefined();
    const tooCheap = await s.call('GET', `/api/products?q=lamp&maxPrice=10&supplierId=${supplier.supplierId}`);
    expect(tooCheap.body.total).toBe(0);
    const cats = await s.call('GET', '/api/categories');
    expect(cats.body.categories.find((c: any) => c.slug === 'phone-cases').productCount).toBeGreaterThanOrEqual(1);
  });

  it('keeps tenants apart: another supplier gets 404, a retailer gets 403 on admin and supplier routes', async () => {
    const other = await activeSupplier(s, admin);
    for (const [method, path, body] of [
      ['GET', `/api/supplier/products/${productId}`, undefined],
      ['PATCH', `/api/supplier/products/${productId}`, { title: 'Mine now' }],
      ['PUT', `/api/supplier/products/${productId}/inventory`, { quantity: 999 }],
    ] as const) {
      const r = await s.call(method, path, { token: other.token, body });
      expect(r.status, `${method} ${path}`).toBe(404);
      expect(r.body.code).toBe('CATALOG.PRODUCT_NOT_FOUND');
    }
    const stolen = await s.call('PUT', '/api/supplier/inventory', { token: other.token, body: { items: [{ sku: 'NH-LAMP-1', quantity: 999 }] } });
    expect(stolen.body.unknownSkus).toEqual(['NH-LAMP-1']);
    const own = await s.call('GET', `/api/supplier/products/${productId}`, { token: supplier.token });
    expect(own.body.product.inventoryQuantity).toBe(21);
    const retailer = await signUp(s, 'RETAILER');
    expect((await s.call('GET', '/api/admin/suppliers', { token: retailer.token })).status).toBe(403);
    expect((await s.call('POST', `/api/admin/suppliers/${supplier.supplierId}/suspend`, { token: retailer.token, body: { reason: 'because' } })).status).toBe(403);
    expect((await s.call('GET', '/api/supplier/products', { token: retailer.token })).status).toBe(403);
    expect((await s.call('GET', '/api/admin/suppliers')).status).toBe(401);
  });

  it('imports a 10,000-row CSV as a job with progress and per-row errors', async () => {
    const csv = catalogCsv(10_000, new Set([17, 4242]));
    const r = await s.call('POST', '/api/supplier/products/import', { token: supplier.token, raw: csv, headers: { 'content-type': 'text/csv' } });
    expect(r.status).toBe(202);
    expect(r.body.job.status).toBe('QUEUED');
    const { job, seen } = await waitForJob(s, supplier.token, r.body.job.id);
    expect(job).toMatchObject({ status: 'COMPLETED', total: 10_000, processed: 10_000, created: 9_998, failed: 2, progress: 1 });
    expect(job.errors).toEqual([
      expect.objectContaining({ row: 18, column: 'wholesalePrice' }),
      expect.objectContaining({ row: 4243, column: 'wholesalePrice' }),
    ]);
    expect(seen.length, `progress seen: ${seen.join(",")}`).toBeGreaterThan(1);
    const list = await s.call('GET', '/api/supplier/products?q=braided&pageSize=1', { token: supplier.token });
    expect(list.body.total).toBeGreaterThanOrEqual(9_998);
    const again = await s.call('POST', '/api/supplier/products/import', { token: supplier.token, raw: catalogCsv(50), headers: { 'content-type': 'text/csv' } });
    const second = await waitForJob(s, supplier.token, again.body.job.id);
    expect(second.job).toMatchObject({ created: 1, updated: 49 }); // row 17 was invalid the first time
  }, 180_000);

  it('imports an XLSX workbook sent as multipart with a column mapping', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Catalog');
    ws.addRow(['Code', 'Name', 'Cost', 'On hand']);
    for (let i = 1; i <= 300; i++) ws.addRow([`XL-${i}`, `Linen Throw Pillow ${i}`, 7.5 + i / 100, i]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const form = new FormData();
    form.append('mapping', JSON.stringify({ sku: 'Code', title: 'Name', wholesalePrice: 'Cost', inventoryQuantity: 'On hand' }));
    form.append('file', new Blob([bytes]), 'catalog.xlsx');
    const res = await fetch(`${s.url}/api/supplier/products/import`, { method: 'POST', headers: { authorization: `Bearer ${supplier.token}` }, body: form });
    expect(res.status).toBe(202);
    const { job } = await waitForJob(s, supplier.token, ((await res.json()) as any).job.id);
    expect(job).toMatchObject({ status: 'COMPLETED', total: 300, created: 300, failed: 0 });
    const p = await s.call('GET', '/api/supplier/products?q=pillow&sort=price_asc&pageSize=1', { token: supplier.token });
    expect(p.body.products[0]).toMatchObject({ sku: 'XL-1', wholesalePrice: '7.51', inventoryQuantity: 1 });
    // A stock-only file updates stock and leaves every other field alone.
    const stockOnly = await s.call('POST', '/api/supplier/products/import', { token: supplier.token, raw: 'sku,stock\nXL-1,77\nXL-NEW,5', headers: { 'content-type': 'text/csv' } });
    const partial = await waitForJob(s, supplier.token, stockOnly.body.job.id);
    expect(partial.job).toMatchObject({ status: 'COMPLETED', updated: 1, failed: 1 });
    expect(partial.job.errors[0]).toMatchObject({ row: 3, column: 'sku', message: expect.stringMatching(/not in your catalog/) });
    const after = await s.call('GET', `/api/supplier/products/${p.body.products[0].id}`, { token: supplier.token });
    expect(after.body.product).toMatchObject({ title: 'Linen Throw Pillow 1', wholesalePrice: '7.51', inventoryQuantity: 77 });
  }, 120_000);

  it('reports unreadable and unrecognised uploads clearly', async () => {
    const garbage = await s.call('POST', '/api/supplier/products/import', { token: supplier.token, raw: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), headers: { 'content-type': 'application/octet-stream' } });
    expect(garbage.status).toBe(202);
    const { job } = await waitForJob(s, supplier.token, garbage.body.job.id);
    expect(job.status).toBe('FAILED');
    expect(job.message).toBeTruthy();
    const png = await s.call('POST', '/api/supplier/products/import', { token: supplier.token, raw: new Uint8Array([0x89, 0x50, 0x4e, 0x47]), headers: { 'content-type': 'image/png' } });
    expect(png.status).toBe(415);
    const noHeader = await s.call('POST', '/api/supplier/products/import', { token: supplier.token, raw: 'a,b,c\n1,2,3', headers: { 'content-type': 'text/csv' } });
    const failed = await waitForJob(s, supplier.token, noHeader.body.job.id);
    expect(failed.job.status).toBe('FAILED');
    expect(failed.job.errors.map((e: any) => e.column)).toEqual(['sku']);
  });
});
