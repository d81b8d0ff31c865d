import type { ConsumeMessage, Options } from 'amqplib';
import type { DeadLetter, DeliveredMessage, OutgoingMessage } from '@dropship/core';

/** Headers the bus owns; they never reach handlers as user headers. */
export const H = {
  topic: 'x-bus-topic',
  attempt: 'x-bus-attempt',
  occurredAt: 'x-bus-occurred-at',
  reason: 'x-bus-reason',
  deadAt: 'x-bus-dead-at',
} as const;

const brokerHeader = /^(x-bus-|x-death|x-first-death|x-last-death|x-delivery-count)/;

/** AMQP content and properties for a message at a given attempt. */
export function encode(
  m: OutgoingMessage,
  attempt: number,
  extra: Record<string, string | number> = {},
): { content: Buffer; options: Options.Publish } {
  return {
    content: Buffer.from(JSON.stringify(m.payload ?? null)),
    options: {
      persistent: true,
      contentType: 'application/json',
      messageId: m.id,
      timestamp: Math.floor((m.occurredAt ?? new Date()).getTime() / 1000),
      headers: {
        ...m.headers,
        [H.topic]: m.topic,
        [H.attempt]: attempt,
        ...(m.occurredAt ? { [H.occurredAt]: m.occurredAt.toISOString() } : {}),
        ...extra,
      },
    },
  };
}

/**
 * Rebuilds the delivered message. A broker redelivery (consumer crashed or channel died before
 * the ack) bumps `x-delivery-count`, and counts as an attempt.
 */
export function decode(msg: ConsumeMessage): DeliveredMessage {
  const h = (msg.properties.headers ?? {}) as Record<string, unknown>;
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (!brokerHeader.test(k) && typeof v === 'string') headers[k] = v;
  const occurredAt = typeof h[H.occurredAt] === 'string' ? new Date(h[H.occurredAt] as string) : undefined;
  const base = Number(h[H.attempt] ?? 1);
  const redeliveries = Number(h['x-delivery-count'] ?? 0);
  return {
    id: String(msg.properties.messageId),
    topic: typeof h[H.topic] === 'string' ? (h[H.topic] as string) : msg.fields.routingKey,
    payload: JSON.parse(msg.content.toString('utf8')) as unknown,
    headers,
    ...(occurredAt ? { occurredAt } : {}),
    attempt: base + redeliveries,
  };
}

/** A dead letter from a `<queue>.dlq` delivery: ours carry the reason, the broker's carry x-death. */
export function decodeDeadLetter(msg: ConsumeMessage, queue: string): DeadLetter {
  const h = (msg.properties.headers ?? {}) as Record<string, unknown>;
  const m = decode(msg);
  const brokerReason = h['x-first-death-reason'];
  const reason = typeof h[H.reason] === 'string' ? (h[H.reason] as string) : `broker: ${String(brokerReason ?? 'unknown')}`;
  const deadAt = typeof h[H.deadAt] === 'string' ? new Date(h[H.deadAt] as string) : new Date();
  // The DLQ's own redeliveries are not handler attempts.
  return { ...m, attempt: Number(h[H.attempt] ?? m.attempt), queue, reason, deadAt };
}
