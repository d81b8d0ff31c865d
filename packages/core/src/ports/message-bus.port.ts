/**
 * At-least-once messaging between the api and the worker (and between workers).
 *
 * Contract every implementation passes (adapter-testkit `describeMessageBusContract`):
 * - `publish` resolves only once the broker has accepted the message durably (publisher confirm);
 *   it rejects with AdapterError `BUS.UNROUTABLE` when no queue is bound for the topic, and with a
 *   retryable AdapterError when the broker is unreachable. A resolved publish is never lost, even if
 *   the broker restarts.
 * - A message is delivered to every subscription whose `topics` match, at least once. Handlers must
 *   be idempotent (dedupe on `message.id`, e.g. with an inbox table).
 * - A handler that resolves acks the message. A handler that throws is retried after
 *   `retryDelaysMs[attempt-1]` (± jitter), up to `maxAttempts` deliveries in all; a thrown error with
 *   `retryable === false` (see PermanentFailure) skips the remaining attempts. A handler that exceeds
 *   `handlerTimeoutMs` counts as a failed attempt. After the last attempt the message is
 *   dead-lettered with the reason, and delivered to `consumeDeadLetters` handlers for that queue.
 * - At most `prefetch` messages of one subscription are in flight at once.
 * - `stop()` on a consumer stops taking new messages and waits for in-flight handlers.
 */
export interface MessageBus {
  publish(message: OutgoingMessage): Promise<void>;
  /** Publishes many messages, resolving when all are confirmed (order per topic is kept). */
  publishBatch(messages: readonly OutgoingMessage[]): Promise<void>;
  consume(subscription: Subscription, handler: MessageHandler): Promise<Consumer>;
  /** Receives messages of `queue` that exhausted their attempts (for storage and admin retry). */
  consumeDeadLetters(queue: string, handler: (message: DeadLetter) => Promise<void>): Promise<Consumer>;
  /** True when the broker is reachable (for `/ready`). */
  ping(): Promise<boolean>;
  /** Stops every consumer, waits for in-flight handlers, closes connections. */
  close(): Promise<void>;
}

export interface OutgoingMessage {
  /** Unique id (uuid v7). Consumers dedupe on it; re-publishing the same id is allowed. */
  readonly id: string;
  /** Routing topic, dot-separated (`catalog.import.requested`). */
  readonly topic: string;
  readonly payload: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  readonly occurredAt?: Date;
}

export interface DeliveredMessage extends OutgoingMessage {
  /** 1 for the first delivery. */
  readonly attempt: number;
}

export interface DeadLetter extends DeliveredMessage {
  readonly queue: string;
  readonly reason: string;
  readonly deadAt: Date;
}

export interface Subscription {
  /** Durable queue name, unique per consumer group (`worker.catalog-import`). */
  readonly queue: string;
  /** Topics routed to the queue; `*` matches one word, `#` zero or more (AMQP topic semantics). */
  readonly topics: readonly string[];
  readonly prefetch?: number;
  readonly maxAttempts?: number;
  readonly retryDelaysMs?: readonly number[];
  readonly handlerTimeoutMs?: number;
}

export type MessageHandler = (message: DeliveredMessage) => Promise<void>;

export interface Consumer {
  stop(): Promise<void>;
}

export const DEFAULT_SUBSCRIPTION = {
  prefetch: 32,
  maxAttempts: 5,
  retryDelaysMs: [1_000, 5_000, 30_000, 120_000],
  handlerTimeoutMs: 60_000,
} as const;

/** AMQP-style topic matching: `*` one word, `#` zero or more words. */
export function topicMatches(pattern: string, topic: string): boolean {
  const p = pattern.split('.');
  const t = topic.split('.');
  const match = (i: number, j: number): boolean => {
    if (i === p.length) return j === t.length;
    if (p[i] === '#') return match(i + 1, j) || (j < t.length && match(i, j + 1));
    if (j === t.length) return false;
    return (p[i] === '*' || p[i] === t[j]) && match(i + 1, j + 1);
  };
  return match(0, 0);
}
