import { NOTIFICATION_TOPICS, NOTIFICATIONS_QUEUE, OrderNotifications, type Consumer, type DeliveredMessage, type Subscription } from '@dropship/core';
import type { Platform } from '@dropship/platform';

export { NOTIFICATIONS_QUEUE };

/** Retry schedule: 1 s, 5 s, 30 s, 120 s; 8 deliveries, then the dead-letter queue (logged). */
export const NOTIFICATIONS_SUBSCRIPTION = {
  queue: NOTIFICATIONS_QUEUE,
  topics: [...NOTIFICATION_TOPICS],
  prefetch: 16,
  maxAttempts: 8,
  retryDelaysMs: [1_000, 5_000, 30_000, 120_000],
  handlerTimeoutMs: 60_000,
} as const;

export interface NotificationsConsumerOptions {
  /** Base URL of the site for links in messages (default `DROPSHIP_PUBLIC_URL` or http://localhost:3000). */
  readonly siteUrl?: string;
  readonly subscription?: Partial<Omit<Subscription, 'queue' | 'topics'>>;
}

/**
 * Retailer notifications: `orders.supplier-order.confirmed|shipped|failed` → a rendered message
 * to the retailer's owner through `platform.notifier` (database, plus SMTP when configured).
 * A redelivered event renders the same notification id, so it is recorded and mailed once.
 */
export async function startNotificationsConsumer(platform: Platform, opts: NotificationsConsumerOptions = {}): Promise<Consumer[]> {
  const log = platform.logger.child({ consumer: NOTIFICATIONS_QUEUE });
  const service = new OrderNotifications({
    repos: platform.persistence.repos,
    notifier: platform.notifier,
    siteUrl: opts.siteUrl ?? (platform.env.DROPSHIP_PUBLIC_URL || 'http://localhost:3000'),
  });
  const handle = async (m: DeliveredMessage) => {
    const sent = await service.handle(m);
    if (sent) log.info({ messageId: m.id, topic: m.topic, notificationId: sent.id, template: sent.template }, 'notification sent');
  };
  const main = await platform.bus.consume({ ...NOTIFICATIONS_SUBSCRIPTION, ...opts.subscription }, handle);
  const dead = await platform.bus.consumeDeadLetters(NOTIFICATIONS_QUEUE, async (m) => {
    log.error({ messageId: m.id, topic: m.topic, reason: m.reason, attempts: m.attempt }, 'notification message dead-lettered');
  });
  return [main, dead];
}
