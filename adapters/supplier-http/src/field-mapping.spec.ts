import { describe, expect, it } from 'vitest';
import { supplierOrderRequest } from '@dropship/adapter-testkit';
import { getPath, mapRequest, mapStatus, readOrder, readRejection, readStock, setPath } from './field-mapping';
import { HttpClient } from './http-client';
import { testContext } from './testing/stub-supplier.server';

describe('field mapping', () => {
  it('sends our request as-is when no request mapping is given', () => {
    const req = supplierOrderRequest();
    expect(mapRequest(req, undefined)).toBe(req);
  });

  it('maps scalars, per-line arrays, nested targets and literals', () => {
    const body = mapRequest(supplierOrderRequest({ reference: 'r1' }), {
      'meta.ref': 'reference',
      'meta.key': 'idempotencyKey',
      'lines[].price.amount': 'lines[].unitPriceMinor',
      'lines[].sku': 'lines[].sku',
      skus: 'lines[].sku',
      'to.country': 'shipTo.country',
      'to.missing': 'shipTo.nothing',
      source: '=dropship',
    });
    expect(body).toEqual({
      meta: { ref: 'r1', key: 'dispatch:r1' },
      lines: [
        { sku: 'SKU-RED-M', price: { amount: 1250 } },
        { sku: 'SKU-BLUE-L', price: { amount: 990 } },
      ],
      skus: ['SKU-RED-M', 'SKU-BLUE-L'],
      to: { country: 'GB' },
      source: 'dropship',
    });
  });

  it('never reads or writes prototype keys', () => {
    expect(getPath({}, '__proto__.polluted')).toBeUndefined();
    expect(getPath({ a: 1 }, 'constructor')).toBeUndefined();
    expect(() => setPath({}, '__proto__.polluted', 1)).toThrow(/not allowed/);
    expect(() => mapRequest(supplierOrderRequest(), { 'constructor.prototype.x': 'reference' })).toThrow(/not allowed/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads orders with defaults, numeric ids and tracking; null without a supplier reference', () => {
    expect(readOrder({ id: 77, status: 'shipped', tracking: { number: '1Z', carrier: 'UPS' }, reference: 'r' }, {})).toEqual({
      supplierReference: '77',
      status: 'SHIPPED',
      tracking: { number: '1Z', carrier: 'UPS', url: '' },
      reference: 'r',
    });
    expect(readOrder({ status: 'x' }, {})).toBeNull();
    expect(readOrder('nonsense', {})).toBeNull();
  });

  it('maps statuses: the value map first, then our own names, else PENDING', () => {
    expect(mapStatus('done', { done: 'DELIVERED' })).toBe('DELIVERED');
    expect(mapStatus('cancelled', {})).toBe('CANCELLED');
    expect(mapStatus('weird', {})).toBe('PENDING');
    expect(mapStatus('toString', {})).toBe('PENDING');
    expect(mapStatus(undefined, {})).toBe('PENDING');
  });

  it('reads supplier-stated refusals only on the configured statuses', () => {
    expect(readRejection(422, { error: { code: 'insufficient_inventory', message: 'no\nmore' } }, {})).toEqual({ accepted: false, code: 'OUT_OF_STOCK', reason: 'no more' });
    expect(readRejection(409, { error: { code: 'unknown_sku' } }, {})).toEqual({ accepted: false, code: 'UNKNOWN_SKU', reason: 'Supplier refused the order (409)' });
    expect(readRejection(409, { error: { code: 'E42' } }, { rejection: { codeMap: { E42: 'OUT_OF_STOCK' } } })).toMatchObject({ code: 'OUT_OF_STOCK' });
    expect(readRejection(400, { error: { code: 'out_of_stock' } }, {})).toBeNull();
    expect(readRejection(422, { error: { code: 'bad_address', message: 'No such postcode' } }, {})).toEqual({ accepted: false, code: 'REJECTED', reason: 'No such postcode' });
    // An unrecognised 409 (e.g. idempotent request still in progress) is not a refusal.
    expect(readRejection(409, { error: { code: 'request_in_progress' } }, {})).toBeNull();
    expect(readRejection(422, { error: { message: 'x'.repeat(500) } }, {})!.reason).toHaveLength(200);
  });

  it('reads the stock feed, skipping items without a SKU or a valid quantity', () => {
    const feed = { data: [{ code: 'A', qty: 3 }, { code: 'B', qty: '0' }, { code: 'C', qty: 1.5 }, { qty: 2 }, { code: 'D', qty: -1 }] };
    expect(readStock(feed, { stock: { items: 'data', sku: 'code', quantity: 'qty' } })).toEqual([
      { sku: 'A', quantity: 3 },
      { sku: 'B', quantity: 0 },
    ]);
    expect(readStock([{ sku: 'A', quantity: 1 }], { stock: { items: '' } })).toEqual([{ sku: 'A', quantity: 1 }]);
    expect(readStock({ nothing: true }, {})).toEqual([]);
  });
});

describe('status errors', () => {
  const client = new HttpClient({
    baseUrl: 'https://api.acme.example/v2',
    auth: { type: 'bearer', token: 't' },
    timeoutMs: 1000,
    allowPrivateUrls: false,
    adapterId: 'acme',
    clock: { now: () => new Date('2026-12-01T12:00:00Z') },
    logger: testContext().logger,
  });
  const res = (status: number, headers: Record<string, string> = {}) => ({ status, headers, json: { secret: 'x' } });

  it.each([
    [429, { 'retry-after': '7' }, { code: 'ADAPTER.RATE_LIMITED', retryable: true, retryAfterMs: 7000 }],
    [429, { 'retry-after': 'Tue, 01 Dec 2026 12:00:30 GMT' }, { code: 'ADAPTER.RATE_LIMITED', retryAfterMs: 30_000 }],
    [429, {}, { code: 'ADAPTER.RATE_LIMITED', retryAfterMs: undefined }],
    [503, {}, { code: 'ADAPTER.UNAVAILABLE', retryable: true }],
    [504, {}, { code: 'ADAPTER.UNAVAILABLE', retryable: true, options: expect.objectContaining({ outcomeUnknown: true }) }],
    [408, {}, { code: 'ADAPTER.UNAVAILABLE', retryable: true }],
    [409, {}, { code: 'ADAPTER.CONFLICT', retryable: true }],
    [403, {}, { code: 'ADAPTER.UNAUTHORIZED', retryable: false }],
    [400, {}, { code: 'ADAPTER.REJECTED', retryable: false }],
  ])('%i %o', (status, headers, expected) => {
    const err = client.statusError('POST', '/orders', res(status, headers));
    expect(err).toMatchObject(expected);
    expect(err.message).toContain(String(status));
    expect(err.message).toContain('POST /v2/orders');
  });
});
