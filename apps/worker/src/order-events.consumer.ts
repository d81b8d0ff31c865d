import { ORDER_CANCELLED_TOPIC, ORDER_PLACED_TOPIC, type Consumer } from '@dropship/core';
import type { Platform } from '@dropship/platform';

export const ORDER_EVENTS_QUEUE = 'worker.order-events';

/**
 * Holds the queue that order events route to until the routing consumer (issue 3, part 2) takes
 * over dispatch. Without a bound queue every `orders.*` outbox row would be unroutable, stay pending
 * and be retried by the relay forever, starving other topics behind it. The database stays the
 * source of truth: supplier orders remain PENDING until routing dispatches them.
 */
export async function startOrderEventsConsumer(platform: Platform): Promise<Consumer[]> {
  const log = platform.logger.child({ consumer: ORDER_EVENTS_QUEUE });
  const consumer = await platform.bus.consume(
    { queue: ORDER_EVENTS_QUEUE, topics: [ORDER_PLACED_TOPIC, ORDER_CANCELLED_TOPIC], prefetch: 16, maxAttempts: 3, retryDelaysMs: [1_000, 5_000], handlerTimeoutMs: 10_000 },
    async (m) => {
      log.debug({ topic: m.topic, orderId: (m.payload as { orderId?: unknown })?.orderId }, 'order event recorded (routing comes with issue 3 part 2)');
    },
  );
  return [consumer];
}
