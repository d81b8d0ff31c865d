import type { Channel, ChannelModel, ConsumeMessage, Options } from 'amqplib';
import type { DeadLetter, DeliveredMessage, MessageHandler } from '@dropship/core';
import { decode, decodeDeadLetter, encode, H } from './message-codec';
import { declareDeadLetterQueue, declareSubscription, retryDelayFor } from './topology';
import type { QueueShape, TopologyNames } from './topology';

/** What a consumer needs from the bus that owns it. */
export interface ConsumerHost {
  readonly names: TopologyNames;
  readonly declared: Set<string>;
  publishRaw(exchange: string, routingKey: string, content: Buffer, options: Options.Publish): Promise<void>;
  /** The consumer's channel died while the bus is running: start it again. */
  channelLost(consumer: RabbitConsumer): void;
  removed(consumer: RabbitConsumer): void;
  warn(obj: object, msg: string): void;
}

/** A work-queue subscription, or a dead-letter subscription (`<queue>.dlq`). */
export type ConsumerSpec =
  | { kind: 'work'; shape: QueueShape; prefetch: number; handlerTimeoutMs: number; handler: MessageHandler }
  | { kind: 'dead'; queue: string; prefetch: number; handler: (m: DeadLetter) => Promise<void> };

/** One AMQP channel + consumer tag per subscription, restartable after a reconnect. */
export class RabbitConsumer {
  private channel: Channel | undefined;
  private tag: string | undefined;
  private stopped = false;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly host: ConsumerHost,
    private readonly spec: ConsumerSpec,
  ) {}

  /** (Re)declares the topology on `conn` and starts consuming; called after every reconnect. */
  async start(conn: ChannelModel): Promise<void> {
    if (this.stopped) return;
    const ch = await conn.createChannel();
    ch.on('error', () => undefined); // the close event that follows carries the consequence
    ch.on('close', () => {
      if (this.channel !== ch) return;
      this.channel = undefined;
      if (!this.stopped) this.host.channelLost(this);
    });
    const n = this.host.names;
    const queue =
      this.spec.kind === 'work'
        ? (await declareSubscription(ch, n, this.spec.shape)).map((q) => (this.host.declared.add(q), q))[0]!
        : await declareDeadLetterQueue(ch, n, this.spec.queue);
    this.host.declared.add(queue);
    await ch.prefetch(this.spec.prefetch);
    this.channel = ch;
    const { consumerTag } = await ch.consume(queue, (msg) => msg && this.track(this.onMessage(ch, msg)));
    this.tag = consumerTag;
  }

  /** Cancels the consumer, waits for in-flight handlers, closes the channel. */
  async stop(): Promise<void> {
    this.stopped = true;
    const ch = this.channel;
    if (ch && this.tag) await ch.cancel(this.tag).catch(() => undefined);
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
    this.channel = undefined;
    await ch?.close().catch(() => undefined);
    this.host.removed(this);
  }

  private track(p: Promise<void>): void {
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
  }

  private async onMessage(ch: Channel, msg: ConsumeMessage): Promise<void> {
    try {
      if (this.spec.kind === 'dead') await this.spec.handler(decodeDeadLetter(msg, this.spec.queue));
      else await this.work(this.spec, decode(msg));
      this.settle(ch, msg, 'ack');
    } catch (e) {
      // Retry/dead-letter publish unconfirmed, or the dead-letter handler failed: let the broker
      // redeliver (after a pause, so a broken handler does not spin).
      this.host.warn({ err: String(e), id: msg.properties.messageId }, 'message requeued');
      await new Promise((r) => setTimeout(r, 200));
      this.settle(ch, msg, 'requeue');
    }
  }

  /** Runs the handler; on failure publishes the retry or the dead letter (confirmed) before the ack. */
  private async work(spec: Extract<ConsumerSpec, { kind: 'work' }>, m: DeliveredMessage): Promise<void> {
    const { shape } = spec;
    const n = this.host.names;
    let failure: unknown;
    if (m.attempt > shape.maxAttempts) failure = new Error(`redelivered beyond ${shape.maxAttempts} attempts (handler crashed?)`);
    else {
      try {
        await withTimeout(spec.handler(m), spec.handlerTimeoutMs);
        return;
      } catch (e) {
        failure = e;
      }
    }
    const permanent = (failure as { retryable?: unknown } | null)?.retryable === false;
    if (!permanent && m.attempt < shape.maxAttempts) {
      const { content, options } = encode(m, m.attempt + 1);
      await this.host.publishRaw('', n.retry(shape.queue, retryDelayFor(shape, m.attempt)), content, options);
      return;
    }
    const reason = failure instanceof Error ? `${failure.name}: ${failure.message}` : String(failure);
    const { content, options } = encode(m, m.attempt, { [H.reason]: reason, [H.deadAt]: new Date().toISOString() });
    await this.host.publishRaw(n.dlx, n.queue(shape.queue), content, options);
  }

  /** Acks only on the channel that delivered: after a reconnect the broker redelivers anyway. */
  private settle(ch: Channel, msg: ConsumeMessage, how: 'ack' | 'requeue'): void {
    if (this.channel !== ch) return;
    try {
      if (how === 'ack') ch.ack(msg);
      else ch.nack(msg, false, true);
    } catch {
      // channel closed meanwhile: the broker redelivers
    }
  }
}

function withTimeout(p: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`handler timed out after ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
