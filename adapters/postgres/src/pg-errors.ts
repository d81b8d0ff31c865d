import { AdapterError, conflict, isAdapterError, isDomainError } from '@dropship/core';

/** Shape shared by pg's and PGlite's DatabaseError. */
interface DriverError {
  code?: string;
  constraint?: string;
  severity?: string;
}

/** Unique indexes → the domain error the repository contract names for a clash. */
const UNIQUE_CODES: Readonly<Record<string, readonly [string, string]>> = {
  users_email_lower_uq: ['ACCOUNTS.EMAIL_TAKEN', 'That email address is already registered.'],
  suppliers_owner_uq: ['SUPPLIER.ALREADY_EXISTS', 'This user already has a supplier.'],
  supplier_products_supplier_sku_uq: ['CATALOG.DUPLICATE_SKU', 'The supplier already has a product with this SKU.'],
  retailers_owner_uq: ['RETAILER.ALREADY_EXISTS', 'This user already has a retailer.'],
  credentials_token_hash_uq: ['CREDENTIAL.ALREADY_EXISTS', 'Credential already exists.'],
};

const isDriverError = (e: unknown): e is DriverError & Error =>
  e instanceof Error && typeof (e as DriverError).code === 'string' && /^[0-9A-Z]{5}$/.test((e as DriverError).code!);

/** Name of the unique index/constraint a 23505 error reports. */
export const violatedConstraint = (e: unknown): string | null =>
  isDriverError(e) && e.code === '23505' ? (e.constraint ?? null) : null;

/**
 * Turns a driver error into a DomainError (constraint clashes) or an AdapterError (everything
 * else), so no pg/PGlite error, SQL text or parameter ever leaks past the adapter.
 */
export function mapDbError(e: unknown, adapterId?: string): unknown {
  if (isDomainError(e) || isAdapterError(e)) return e;
  if (isDriverError(e)) {
    const code = e.code!;
    if (code === '23505') {
      const known = UNIQUE_CODES[e.constraint ?? ''];
      const table = (e.constraint ?? 'row').split('_')[0]!.toUpperCase();
      return known ? conflict(known[0], known[1]) : conflict(`${table}.ALREADY_EXISTS`, 'A record with this key already exists.');
    }
    if (code === '23514' || code === '23503' || code === '23502') {
      return conflict('PERSISTENCE.CONSTRAINT_VIOLATED', 'The change violates a data constraint.', { sqlState: code, constraint: e.constraint ?? null });
    }
    const retryable = code === '57014' || code === '40001' || code === '40P01' || code.startsWith('08') || code === '57P01' || code === '53300';
    const what = code === '57014' ? 'ADAPTER.TIMEOUT' : 'ADAPTER.UNAVAILABLE';
    return new AdapterError(retryable ? what : 'ADAPTER.REJECTED', `Database error (SQLSTATE ${code}).`, { adapterId, retryable, cause: e });
  }
  if (e instanceof Error && /ECONNREFUSED|ECONNRESET|Connection terminated|timeout acquiring/i.test(e.message)) {
    return new AdapterError('ADAPTER.UNAVAILABLE', 'Database unreachable.', { adapterId, retryable: true, cause: e });
  }
  return e;
}

/** Wraps every method of a repository so driver errors are mapped on the way out. */
export function guardRepository<T extends object>(repo: T, adapterId?: string): T {
  return new Proxy(repo, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        try {
          const out = (value as (...a: unknown[]) => unknown).apply(target, args);
          return out instanceof Promise ? out.catch((e: unknown) => Promise.reject(mapDbError(e, adapterId))) : out;
        } catch (e) {
          throw mapDbError(e, adapterId);
        }
      };
    },
  });
}
