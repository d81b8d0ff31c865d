import { ADAPTER_API_VERSION, defineAdapter } from '@dropship/adapter-sdk';
import { RabbitMqMessageBus } from './rabbitmq-message-bus.adapter';
import { rabbitMqOptionsSchema } from './rabbitmq-options';
import type { RabbitMqOptions } from './rabbitmq-options';

export { RabbitMqMessageBus } from './rabbitmq-message-bus.adapter';
export { rabbitMqOptionsSchema } from './rabbitmq-options';
export type { RabbitMqOptions } from './rabbitmq-options';

/** MessageBus on RabbitMQ: quorum queues, confirms, delay-queue retries, at-least-once dead-lettering. */
export default defineAdapter<RabbitMqOptions>({
  name: '@dropship/adapter-rabbitmq',
  apiVersion: ADAPTER_API_VERSION,
  provides: ['bus'],
  description: 'MessageBus on RabbitMQ 3.10+ (quorum queues, publisher confirms, delay-queue retries).',
  optionsSchema: rabbitMqOptionsSchema,
  secretOptions: ['url'],
  create: (ctx, options) => {
    const bus = new RabbitMqMessageBus(options, ctx.logger.child({ adapter: ctx.id }), ctx.id);
    return { ports: { bus }, init: () => bus.start(), dispose: () => bus.close() };
  },
});
