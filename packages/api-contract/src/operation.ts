export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type RoleName = 'ADMIN' | 'SUPPORT' | 'SUPPLIER' | 'RETAILER';
export type Schema = Readonly<Record<string, unknown>>;

/** One HTTP operation: the single source for routing, validation, authorization and OpenAPI. */
export interface Operation {
  readonly id: string;
  readonly method: HttpMethod;
  /** Koa-style path (`/api/suppliers/:id`). */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  /** `public`: no token needed; `authenticated`: any signed-in caller; otherwise the roles allowed. */
  readonly auth: 'public' | 'authenticated' | readonly RoleName[];
  readonly params?: Schema;
  readonly query?: Schema;
  readonly body?: Schema;
  /** The body is a CSV/XLSX upload (raw or multipart), not JSON. */
  readonly upload?: boolean;
  readonly rateLimited?: boolean;
  /** Creates something: needs an `Idempotency-Key` header; a repeat replays the first response. */
  readonly idempotent?: boolean;
  readonly responses: Readonly<Record<number, { readonly description: string; readonly schema?: Schema; readonly contentType?: string }>>;
}

export const op = (o: Operation): Operation => o;
