import { DISPATCH_QUEUE, ORDER_CANCELLED_TOPIC, ORDER_PLACED_TOPIC, PermanentFailure, type Consumer, type DeliveredMessage, type Subscription } from '@dropship/core';
import type { Platform } from '@dropship/platform';

export { DISPATCH_QUEUE };

/** Retry schedule of a dispatch: 1 s, 5 s, 30 s, 120 s, then 120 s; 6 deliveries in all, then the dead-letter table. */
export const DISPATCH_SUBSCRIPTION = {
  queue: DISPATCH_QUEUE,
  topics: [ORDER_PLACED_TOPIC, ORDER_CANCELLED_TOPIC],
  prefetch: 16,
  maxAttempts: 6,
  retryDelaysMs: [1_000, 5_000, 30_000, 120_000],
  handlerTimeoutMs: 60_000,
} as const;

export interface DispatchConsumerOptions {
  /** How often the sweep looks for PENDING supplier orders that were never dispatched (0: never). */
  readonly sweepEveryMs?: number;
  /** Only supplier orders older than this are swept (the message normally gets there first). */
  readonly sweepOlderThanMs?: number;
  /** Overrides of the retry schedule and limits (tests). */
  readonly subscription?: Partial<Omit<Subscription, 'queue' | 'topics'>>;
}

/**
 * Routing (issue 3 part 2): `orders.placed` dispatches every PENDING supplier order to its supplier
 * (DispatchOrders); `orders.cancelled` needs nothing more here (the cancel already stopped the
 * parts). Dead letters are stored for admins and fail the parts they left waiting. A periodic
 * sweep dispatches PENDING parts no message reached, so the system heals itself.
 */
export async function startOrderDispatchConsumer(platform: Platform, opts: DispatchConsumerOptions = {}): Promise<Consumer[]> {
  const log = platform.logger.child({ consumer: DISPATCH_QUEUE });
  const dispatch = platform.services.dispatch;
  const handle = async (m: DeliveredMessage) => {
    if (m.topic !== ORDER_PLACED_TOPIC) return;
    const orderId = (m.payload as { orderId?: unknown } | null)?.orderId;
    if (typeof orderId !== 'string') throw new PermanentFailure(`message ${m.id} has no orderId`);
    const outcomes = await dispatch.dispatchOrder(orderId, m.id);
    log.info({ orderId, attempt: m.attempt, outcomes }, 'order dispatched');
  };
  const main = await platform.bus.consume({ ...DISPATCH_SUBSCRIPTION, ...opts.subscription }, handle);
  const dead = await platform.bus.consumeDeadLetters(DISPATCH_QUEUE, async (m) => {
    log.error({ messageId: m.id, topic: m.topic, reason: m.reason, attempts: m.attempt }, 'order message dead-lettered');
    await dispatch.deadLettered(m);
  });

  const every = opts.sweepEveryMs ?? 60_000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  if (every > 0) {
    const tick = () => {
      running = dispatch
        .sweep(opts.sweepOlderThanMs ?? 5 * 60_000)
        .then((r) => {
          if (r.dispatched || r.failed) log.info(r, 'dispatch sweep');
        })
        .catch((e: unknown) => log.warn({ err: e }, 'dispatch sweep failed'))
        .finally(() => {
          if (!stopped) timer = setTimeout(tick, every);
        });
    };
    timer = setTimeout(tick, every);
  }
  const sweeper: Consumer = {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
  return [main, dead, sweeper];
}
