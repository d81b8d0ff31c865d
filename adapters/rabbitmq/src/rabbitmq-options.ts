/** Options of the RabbitMQ bus, as validated by the platform (defaults applied). */
export interface RabbitMqOptions {
  /** amqp(s) url; may arrive already resolved from `env:` indirection. */
  url: string;
  /** Prefix of every exchange and queue name, so environments can share a broker. */
  prefix?: string;
  /** Default prefetch for subscriptions that do not set their own. */
  prefetch?: number;
  heartbeatSeconds?: number;
  reconnect?: { initialDelayMs?: number; maxDelayMs?: number };
}

/** JSON Schema for {@link RabbitMqOptions}. */
export const rabbitMqOptionsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['url'],
  properties: {
    url: { type: 'string', minLength: 1 },
    prefix: { type: 'string', pattern: '^[A-Za-z0-9_.-]+$', default: 'dropship' },
    prefetch: { type: 'integer', minimum: 1, maximum: 10_000, default: 32 },
    heartbeatSeconds: { type: 'integer', minimum: 0, maximum: 600, default: 10 },
    reconnect: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        initialDelayMs: { type: 'integer', minimum: 1, default: 200 },
        maxDelayMs: { type: 'integer', minimum: 1, default: 30_000 },
      },
    },
  },
} as const;
