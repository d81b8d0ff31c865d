// The site's only way to the server: a typed fetch wrapper around the HTTP API.
// - The Bearer token lives in memory and in sessionStorage (survives a reload, not a closed tab).
// - Errors are RFC 9457 problem+json; they become an ApiError whose field messages are keyed by
//   the `errors[].path` of the answer ("/email", "/shippingMethods/0/carrier", "query/pageSize").
import type { ApiKey, ApplicationView, AuditEntry, Category, Job, Me, Product, ProductList, Session, SupplierPrivate, SupplierPublic, SupplierStatus, User } from './types';

const TOKEN_KEY = 'dropship.token';

let token: string | null = readStoredToken();
const listeners = new Set<() => void>();

function readStoredToken(): string | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function getToken(): string | null {
  return token;
}

export function setToken(next: string | null): void {
  token = next;
  try {
    if (next) sessionStorage.setItem(TOKEN_KEY, next);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // storage unavailable (private mode): the token stays in memory only
  }
  for (const l of listeners) l();
}

/** Called when the server says the session is gone (401), so the UI can return to the login page. */
export function onTokenChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export interface FieldError {
  path: string;
  message: string;
}

/** Normalises an error path to the name a form field uses: "/a/0/b" → "a/0/b", "query/q" → "q". */
export function fieldName(path: string): string {
  return path.replace(/^(body|query|params)\//, '').replace(/^\/+/, '');
}

/** Turns "shippingMethods/0/carrier" into "Shipping methods 1 carrier" for messages shown outside a field. */
export function humanPath(path: string): string {
  const name = fieldName(path);
  if (!name) return 'The request';
  return name
    .split('/')
    .map((part) => (/^\d+$/.test(part) ? `#${Number(part) + 1}` : part.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()))
    .join(' ')
    .replace(/^./, (c) => c.toUpperCase());
}

/** Validator wording ("must match format \"email\"") in plain words. */
export function humanMessage(message: string): string {
  return message
    .replace(/^must match format "email"$/, 'must be a valid email address')
    .replace(/^must match format "(uri|url)"$/, 'must be a full web address (https://…)')
    .replace(/^must match format "uuid"$/, 'is not a valid id')
    .replace(/^must match pattern "\^https\?:\/\/"$/, 'must start with http:// or https://')
    .replace(/^must match pattern "\\S"$/, 'must not be blank')
    .replace(/^must match pattern ".*"$/, 'is not in the expected format')
    .replace(/^must NOT have fewer than 1 characters$/, 'is required')
    .replace(/^must NOT have fewer than (\d+) characters$/, 'must be at least $1 characters')
    .replace(/^must NOT have more than (\d+) characters$/, 'must be at most $1 characters')
    .replace(/^must be >= (\S+)$/, 'must be at least $1')
    .replace(/^must be <= (\S+)$/, 'must be at most $1')
    .replace(/^must be integer$/, 'must be a whole number');
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly errors: readonly FieldError[];
  readonly requestId: string | undefined;

  constructor(status: number, code: string, detail: string, errors: readonly FieldError[] = [], requestId?: string) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.errors = errors;
    this.requestId = requestId;
  }

  /** The message for one field (by its path without the leading slash), if the server named it. */
  field(name: string): string | undefined {
    const hit = this.errors.find((e) => fieldName(e.path) === name);
    return hit ? humanMessage(hit.message) : undefined;
  }

  /** Errors not attached to any of the given field names (shown in the form's summary). */
  unmatched(names: readonly string[]): FieldError[] {
    return this.errors.filter((e) => !names.includes(fieldName(e.path)));
  }
}

/** Any thrown value as a message a person can read. */
export function messageOf(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof TypeError) return 'The server could not be reached. Check your connection and try again.';
  return e instanceof Error ? e.message : String(e);
}

type Query = Record<string, string | number | boolean | null | undefined>;

interface RequestOptions {
  query?: Query;
  body?: unknown;
  raw?: Blob;
  contentType?: string;
  signal?: AbortSignal;
}

export function toQueryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (opts.raw) {
    body = opts.raw;
    headers['content-type'] = opts.contentType ?? (opts.raw.type || 'application/octet-stream');
  } else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(path + toQueryString(opts.query), { method, headers, body, signal: opts.signal });
  const text = await res.text();
  let parsed: unknown = undefined;
  if (text && /json/.test(res.headers.get('content-type') ?? '')) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }
  if (!res.ok) {
    const p = (parsed ?? {}) as { detail?: string; title?: string; code?: string; errors?: FieldError[]; requestId?: string };
    if (res.status === 401 && token) setToken(null);
    throw new ApiError(res.status, p.code ?? `HTTP.${res.status}`, p.detail ?? p.title ?? `The server answered ${res.status}.`, Array.isArray(p.errors) ? p.errors : [], p.requestId);
  }
  return parsed as T;
}

const enc = encodeURIComponent;

/** Every endpoint the site uses, one function each (paths as in packages/api-contract/src/operations.ts). */
export const api = {
  register: (body: { email: string; password: string; role: 'RETAILER' | 'SUPPLIER'; name: string }) => request<Session>('POST', '/api/auth/register', { body }),
  login: (body: { email: string; password: string }) => request<Session>('POST', '/api/auth/login', { body }),
  logout: () => request<void>('POST', '/api/auth/logout'),
  me: () => request<Me>('GET', '/api/me'),
  listApiKeys: () => request<{ apiKeys: ApiKey[] }>('GET', '/api/api-keys'),
  createApiKey: (name?: string) => request<{ id: string; apiKey: string; prefix: string }>('POST', '/api/api-keys', { body: name ? { name } : {} }),
  revokeApiKey: (id: string) => request<void>('DELETE', `/api/api-keys/${enc(id)}`),

  getApplication: () => request<ApplicationView>('GET', '/api/supplier/application'),
  startApplication: (body: Record<string, unknown>) => request<ApplicationView>('POST', '/api/supplier/application', { body }),
  updateApplication: (body: Record<string, unknown>) => request<ApplicationView>('PATCH', '/api/supplier/application', { body }),
  submitApplication: () => request<ApplicationView>('POST', '/api/supplier/application/submit'),

  adminListSuppliers: (query: { status?: SupplierStatus; q?: string; page?: number; pageSize?: number }) => request<{ suppliers: SupplierPrivate[]; total: number }>('GET', '/api/admin/suppliers', { query: { ...query } }),
  adminGetSupplier: (id: string) => request<ApplicationView>('GET', `/api/admin/suppliers/${enc(id)}`),
  approveSupplier: (id: string) => request<ApplicationView>('POST', `/api/admin/suppliers/${enc(id)}/approve`),
  rejectSupplier: (id: string, reason: string) => request<ApplicationView>('POST', `/api/admin/suppliers/${enc(id)}/reject`, { body: { reason } }),
  suspendSupplier: (id: string, reason: string) => request<ApplicationView>('POST', `/api/admin/suppliers/${enc(id)}/suspend`, { body: { reason } }),
  reinstateSupplier: (id: string) => request<ApplicationView>('POST', `/api/admin/suppliers/${enc(id)}/reinstate`),
  adminListUsers: (query: { role?: string; page?: number; pageSize?: number }) => request<{ users: User[]; total: number }>('GET', '/api/admin/users', { query: { ...query } }),
  adminCreateUser: (body: { email: string; name: string; role: 'ADMIN' | 'SUPPORT'; password?: string }) => request<{ user: User; temporaryPassword?: string }>('POST', '/api/admin/users', { body }),
  adminAudit: (query: { page?: number; pageSize?: number; targetType?: string; targetId?: string }) => request<{ entries: AuditEntry[]; total: number }>('GET', '/api/admin/audit', { query: { ...query } }),

  listSuppliers: (query: { q?: string; category?: string; businessType?: string; page?: number; pageSize?: number }, signal?: AbortSignal) => request<{ suppliers: SupplierPublic[]; total: number }>('GET', '/api/suppliers', { query: { ...query }, signal }),
  getSupplier: (idOrSlug: string) => request<{ supplier: SupplierPublic }>('GET', `/api/suppliers/${enc(idOrSlug)}`),
  listSupplierProducts: (id: string, query: { page?: number; pageSize?: number }) => request<ProductList>('GET', `/api/suppliers/${enc(id)}/products`, { query: { ...query } }),
  searchProducts: (query: Query, signal?: AbortSignal) => request<ProductList>('GET', '/api/products', { query, signal }),
  getProduct: (id: string) => request<{ product: Product }>('GET', `/api/products/${enc(id)}`),
  listCategories: () => request<{ categories: Category[] }>('GET', '/api/categories'),

  listOwnProducts: (query: Query, signal?: AbortSignal) => request<ProductList>('GET', '/api/supplier/products', { query, signal }),
  getOwnProduct: (id: string) => request<{ product: Product }>('GET', `/api/supplier/products/${enc(id)}`),
  createProduct: (body: Record<string, unknown>) => request<{ product: Product }>('POST', '/api/supplier/products', { body }),
  updateProduct: (id: string, body: Record<string, unknown>) => request<{ product: Product }>('PATCH', `/api/supplier/products/${enc(id)}`, { body }),
  setInventory: (id: string, quantity: number) => request<{ product: Product; message: string }>('PUT', `/api/supplier/products/${enc(id)}/inventory`, { body: { quantity } }),
  bulkInventory: (items: { sku: string; quantity: number }[]) => request<{ updated: number; unknownSkus: string[] }>('PUT', '/api/supplier/inventory', { body: { items } }),
  importProducts: (file: File, opts: { mapping?: Record<string, string>; format?: 'csv' | 'xlsx' }) =>
    request<{ job: Job }>('POST', '/api/supplier/products/import', {
      raw: file,
      contentType: file.type || (/\.xlsx$/i.test(file.name) ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv'),
      query: { filename: file.name, format: opts.format, mapping: opts.mapping && Object.keys(opts.mapping).length ? JSON.stringify(opts.mapping) : undefined },
    }),
  getJob: (id: string) => request<{ job: Job }>('GET', `/api/jobs/${enc(id)}`),
};
