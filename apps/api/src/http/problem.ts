import { isDomainError, type DomainError, type ErrorKind, type FieldError } from '@dropship/core';

export const STATUS_BY_KIND: Readonly<Record<ErrorKind, number>> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
};

const TITLES: Readonly<Record<number, string>> = {
  400: 'Invalid request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal error',
  503: 'Service unavailable',
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  requestId?: string;
  errors?: FieldError[];
  [extra: string]: unknown;
}

/** An HTTP-level failure raised by the transport layer (body too large, bad JSON, …). */
export class HttpProblem extends Error {
  constructor(readonly status: number, readonly code: string, detail: string, readonly errors: FieldError[] = [], readonly headers: Record<string, string> = {}) {
    super(detail);
  }
}

export function problem(status: number, code: string, detail: string, errors: readonly FieldError[] = [], extra: Record<string, unknown> = {}): Problem {
  return {
    type: `https://docs.dropship.dev/problems/${code.toLowerCase().replace(/[._]/g, '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    ...(errors.length ? { errors: [...errors] } : {}),
    ...extra,
  };
}

/** Maps any thrown value to a problem: domain and HTTP errors say what went wrong; anything else is a 500 without internals. */
export function toProblem(e: unknown): { problem: Problem; headers: Record<string, string>; unexpected: boolean } {
  if (e instanceof HttpProblem) return { problem: problem(e.status, e.code, e.message, e.errors), headers: e.headers, unexpected: false };
  if (isDomainError(e)) {
    const d = e as DomainError;
    const status = STATUS_BY_KIND[d.kind] ?? 400;
    const extra = Object.keys(d.details).length ? { details: d.details } : {};
    const headers: Record<string, string> = typeof d.details.retryAfterSeconds === 'number' ? { 'Retry-After': String(d.details.retryAfterSeconds) } : {};
    return { problem: problem(status, d.code, d.message, d.errors, extra), headers, unexpected: false };
  }
  return { problem: problem(500, 'INTERNAL.UNEXPECTED', 'Something went wrong on our side. The request id helps support find it.'), headers: {}, unexpected: true };
}
