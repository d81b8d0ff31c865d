import type { JsonSchema } from '@dropship/adapter-sdk';

/** Options of one __name__ supplier integration, validated by the platform before `create`. */
export interface __Name__Options {
  /** The supplier API root; the endpoints below are appended to it (`{baseUrl}/orders`). */
  readonly baseUrl: string;
  /** Sent as `Authorization: Bearer <apiKey>`. Configure it as `"env:NAME"`, never inline. */
  readonly apiKey: string;
  /** Per-request timeout. A POST that times out is reported as outcomeUnknown. */
  readonly timeoutMs: number;
  /** How often the worker polls order status (`findOrder`) and stock (`fetchStock`). */
  readonly pollIntervalSeconds: number;
}

/**
 * JSON Schema of the options (ajv; defaults applied before `create`). The same schema validates
 * what a supplier enters for this integration in its application, so every field error is shown
 * to the supplier by path. MAP: add the settings your supplier's API needs (warehouse id, …).
 */
export const optionsSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['baseUrl', 'apiKey'],
  properties: {
    baseUrl: { type: 'string', format: 'uri', pattern: '^https?://', maxLength: 2048, description: 'Supplier API root, e.g. https://api.supplier.example/v1' },
    apiKey: { type: 'string', minLength: 1, maxLength: 4096, description: 'API key (bearer). Pass it as "env:VARIABLE_NAME"; the platform substitutes the value.' },
    timeoutMs: { type: 'integer', minimum: 100, maximum: 120_000, default: 10_000 },
    pollIntervalSeconds: { type: 'integer', minimum: 10, maximum: 86_400, default: 300 },
  },
};

/** Option keys that hold secrets: never logged, encrypted where stored. */
export const secretOptions = ['apiKey'];
