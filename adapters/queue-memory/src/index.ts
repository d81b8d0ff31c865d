import { ADAPTER_API_VERSION, defineAdapter } from '@dropship/adapter-sdk';
import { InMemoryMessageBus } from './in-memory-message-bus.adapter';

export { InMemoryMessageBus } from './in-memory-message-bus.adapter';
export type { InMemoryBusOptions } from './in-memory-message-bus.adapter';

/** Options of the in-process bus (validated by the platform before `create`). */
export interface QueueMemoryOptions {
  /** Fraction of each retry delay added or removed at random. */
  jitter?: number;
}

/** The embedded MessageBus: single process, nothing survives a restart. */
export default defineAdapter<QueueMemoryOptions>({
  name: '@dropship/adapter-queue-memory',
  apiVersion: ADAPTER_API_VERSION,
  provides: ['bus'],
  description: 'In-process MessageBus for development, tests and single-process installs.',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: { jitter: { type: 'number', minimum: 0, maximum: 1, default: 0.2 } },
  },
  create: (ctx, options) => {
    const bus = new InMemoryMessageBus({ jitter: options.jitter, adapterId: ctx.id });
    return { ports: { bus }, dispose: () => bus.close() };
  },
});
