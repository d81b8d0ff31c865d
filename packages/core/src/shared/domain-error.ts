/**
 * What kind of failure a domain error is. The HTTP layer maps kinds to status codes
 * (validation 400, unauthorized 401, forbidden 403, not_found 404, conflict 409,
 * unprocessable 422, rate_limited 429, unavailable 503); the domain never speaks HTTP.
 */
export type ErrorKind =
  | 'validation'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unprocessable'
  | 'rate_limited'
  | 'unavailable';

export interface FieldError {
  /** JSON pointer-ish path of the offending field, e.g. `/items/0/quantity`. */
  readonly path: string;
  readonly message: string;
}

/** An expected failure with a stable `AREA.REASON` code that clients can branch on. */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    message: string,
    readonly errors: readonly FieldError[] = [],
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

export const validationError = (code: string, message: string, errors: readonly FieldError[] = []) =>
  new DomainError(code, 'validation', message, errors);
export const notFound = (code: string, message: string) => new DomainError(code, 'not_found', message);
export const conflict = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new DomainError(code, 'conflict', message, [], details);
export const forbidden = (message = 'You are not allowed to do this.') =>
  new DomainError('AUTH.FORBIDDEN', 'forbidden', message);
export const unauthorized = (message = 'Missing or invalid credentials.', code = 'AUTH.UNAUTHENTICATED') =>
  new DomainError(code, 'unauthorized', message);
export const unprocessable = (code: string, message: string, errors: readonly FieldError[] = []) =>
  new DomainError(code, 'unprocessable', message, errors);

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError || (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'DomainError');
}
