import type { Channel } from 'amqplib';

/** Names of everything one bus (one prefix) declares on the broker. */
export interface TopologyNames {
  exchange: string;
  dlx: string;
  queue(name: string): string;
  dlq(name: string): string;
  retry(name: string, delayMs: number): string;
}

/** Names derive from one prefix so environments (and test runs) can share a broker. */
export function topologyNames(prefix: string): TopologyNames {
  return {
    exchange: `${prefix}.events`,
    dlx: `${prefix}.dlx`,
    queue: (name) => `${prefix}.${name}`,
    dlq: (name) => `${prefix}.${name}.dlq`,
    retry: (name, delayMs) => `${prefix}.${name}.retry.${delayMs}`,
  };
}

/** The two exchanges, declared on every (re)connect so publishing never hits a missing exchange. */
export async function declareExchanges(ch: Channel, n: TopologyNames): Promise<void> {
  await ch.assertExchange(n.exchange, 'topic', { durable: true });
  // Direct: dead letters are routed by work-queue name, not by topic.
  await ch.assertExchange(n.dlx, 'direct', { durable: true });
}

// Quorum queues replicate and survive broker restarts; reject-publish is required for
// at-least-once dead-lettering (RabbitMQ 3.10), and makes a full queue nack the publisher
// instead of silently dropping the oldest message.
const quorum = { 'x-queue-type': 'quorum', 'x-overflow': 'reject-publish' } as const;

/** Declares `<queue>.dlq` and binds it to the dead-letter exchange. */
export async function declareDeadLetterQueue(ch: Channel, n: TopologyNames, queue: string): Promise<string> {
  const dlq = n.dlq(queue);
  await ch.assertQueue(dlq, { durable: true, arguments: { ...quorum } });
  await ch.bindQueue(dlq, n.dlx, n.queue(queue));
  return dlq;
}

/** Settings that shape a subscription's queues. */
export interface QueueShape {
  queue: string;
  topics: readonly string[];
  maxAttempts: number;
  retryDelaysMs: readonly number[];
}

/**
 * Work queue + bindings, its DLQ, and one delay queue per distinct retry delay. Returns the names
 * of all queues declared (for teardown).
 */
export async function declareSubscription(ch: Channel, n: TopologyNames, s: QueueShape): Promise<string[]> {
  const work = n.queue(s.queue);
  const dlq = await declareDeadLetterQueue(ch, n, s.queue);
  await ch.assertQueue(work, {
    durable: true,
    arguments: {
      ...quorum,
      // Quorum queues have no delivery limit unless set (3.10): this catches messages whose
      // handler crashes the process again and again, which our own retry counting never sees.
      'x-delivery-limit': s.maxAttempts,
      'x-dead-letter-exchange': n.dlx,
      'x-dead-letter-routing-key': work,
      // The default (at-most-once) drops dead letters if the DLQ is unavailable.
      'x-dead-letter-strategy': 'at-least-once',
    },
  });
  for (const topic of s.topics) await ch.bindQueue(work, n.exchange, topic);
  const declared = [work, dlq];
  for (const delay of retryDelays(s)) {
    const name = n.retry(s.queue, delay);
    await ch.assertQueue(name, {
      durable: true,
      arguments: {
        ...quorum,
        'x-message-ttl': delay,
        // Expired messages go back to the work queue through the default exchange.
        'x-dead-letter-exchange': '',
        'x-dead-letter-routing-key': work,
        'x-dead-letter-strategy': 'at-least-once',
      },
    });
    declared.push(name);
  }
  return declared;
}

/** The delay before attempt `attempt + 1` (the last configured delay repeats). */
export function retryDelayFor(s: Pick<QueueShape, 'retryDelaysMs'>, attempt: number): number {
  const d = s.retryDelaysMs;
  return Math.max(1, Math.round(d[Math.min(attempt - 1, d.length - 1)] ?? 1_000));
}

function retryDelays(s: QueueShape): Set<number> {
  const out = new Set<number>();
  for (let a = 1; a < s.maxAttempts; a++) out.add(retryDelayFor(s, a));
  return out;
}
