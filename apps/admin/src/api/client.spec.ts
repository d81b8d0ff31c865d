import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseStockLines } from '../pages/supplier/BulkStockPage';
import { api, ApiError, fieldName, getToken, humanMessage, humanPath, setToken, toQueryString } from './client';

describe('site API client', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setToken(null);
  });

  it('maps problem+json errors to per-field messages by errors[].path', async () => {
    const problem = {
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      code: 'REQUEST.INVALID',
      detail: 'The request body is invalid: /contactEmail must match format "email"',
      errors: [
        { path: '/contactEmail', message: 'must match format "email"' },
        { path: '/shippingMethods/0/days', message: 'must be >= 0' },
        { path: 'query/pageSize', message: 'must be <= 200' },
      ],
      requestId: 'r-1',
    };
    const fetchMock = vi.fn(async () => new Response(JSON.stringify(problem), { status: 400, headers: { 'content-type': 'application/problem+json' } }));
    vi.stubGlobal('fetch', fetchMock);
    const e = await api.updateApplication({ contactEmail: 'x' }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(ApiError);
    const err = e as ApiError;
    expect([err.status, err.code, err.requestId]).toEqual([400, 'REQUEST.INVALID', 'r-1']);
    expect(err.field('contactEmail')).toBe('must be a valid email address');
    expect(err.field('shippingMethods/0/days')).toBe('must be at least 0');
    expect(err.field('pageSize')).toBe('must be at most 200');
    expect(err.unmatched(['contactEmail', 'pageSize']).map((x) => x.path)).toEqual(['/shippingMethods/0/days']);
  });

  it('sends the Bearer token, keeps it in sessionStorage when there is one, and drops it on 401', async () => {
    const store = new Map<string, string>();
    vi.stubGlobal('sessionStorage', { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v), removeItem: (k: string) => void store.delete(k) });
    setToken('dss_secret_token');
    expect(store.get('dropship.token')).toBe('dss_secret_token');
    const fetchMock = vi.fn(async (_url: string, init?: RequestInit) => {
      expect((init?.headers as Record<string, string>).authorization).toBe('Bearer dss_secret_token');
      return new Response(JSON.stringify({ status: 401, code: 'AUTH.UNAUTHENTICATED', detail: 'expired' }), { status: 401, headers: { 'content-type': 'application/problem+json' } });
    });
    vi.stubGlobal('fetch', fetchMock);
    await expect(api.me()).rejects.toMatchObject({ status: 401, message: 'expired' });
    expect(getToken()).toBeNull();
    expect(store.has('dropship.token')).toBe(false);
  });

  it('builds query strings without empty values and names paths for people', () => {
    expect(toQueryString({ q: 'mug', category: '', minPrice: undefined, inStock: true, page: 2 })).toBe('?q=mug&inStock=true&page=2');
    expect(toQueryString({})).toBe('');
    expect(fieldName('/verificationDocuments/0/reference')).toBe('verificationDocuments/0/reference');
    expect(fieldName('query/minPrice')).toBe('minPrice');
    expect(humanPath('/shippingMethods/1/carrier')).toBe('Shipping methods #2 carrier');
    expect(humanMessage('must NOT have more than 80 characters')).toBe('must be at most 80 characters');
  });

  it('parses bulk stock lines and names the first bad one', () => {
    expect(parseStockLines('A-1, 5\nB-2;0\n\nC-3\t12')).toEqual({ items: [{ sku: 'A-1', quantity: 5 }, { sku: 'B-2', quantity: 0 }, { sku: 'C-3', quantity: 12 }] });
    expect(parseStockLines('A-1, 5\nB-2, -3').problem).toMatch(/^Line 2/);
    expect(parseStockLines('  \n').problem).toMatch(/at least one/);
  });
});
