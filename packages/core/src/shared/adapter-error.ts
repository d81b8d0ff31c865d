/**
 * A transport or vendor failure raised by an adapter. Vendor SDK errors never leak past the
 * adapter: they are wrapped into this, so the core can decide to retry without knowing the vendor.
 */
export class AdapterError extends Error {
  override readonly name = 'AdapterError';
  constructor(
    /** Stable code, e.g. `ADAPTER.RATE_LIMITED`, `ADAPTER.UNAVAILABLE`, `ADAPTER.REJECTED`. */
    readonly code: string,
    message: string,
    readonly options: {
      /** Config id of the adapter instance that failed. */
      adapterId?: string;
      /** True when the same call may succeed later (timeouts, 5xx, throttling). */
      retryable: boolean;
      /** Vendor-requested wait before the next attempt. */
      retryAfterMs?: number;
      /** True when the call may have taken effect (a timeout after sending). */
      outcomeUnknown?: boolean;
      cause?: unknown;
    },
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
  }
  get retryable(): boolean {
    return this.options.retryable;
  }
  get retryAfterMs(): number | undefined {
    return this.options.retryAfterMs;
  }
  get adapterId(): string | undefined {
    return this.options.adapterId;
  }
}

export function isAdapterError(e: unknown): e is AdapterError {
  return e instanceof AdapterError || (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'AdapterError');
}

/** Thrown by a message handler to say: retrying will not help, dead-letter this now. */
export class PermanentFailure extends Error {
  override readonly name = 'PermanentFailure';
  readonly retryable = false;
}
