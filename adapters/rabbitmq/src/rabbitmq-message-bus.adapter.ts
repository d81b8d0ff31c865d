import type { ChannelModel, ConfirmChannel, Options } from 'amqplib';
import { AdapterError, DEFAULT_SUBSCRIPTION } from '@dropship/core';
import type { Consumer, DeadLetter, MessageBus, MessageHandler, OutgoingMessage, Subscription } from '@dropship/core';
import { ConnectionSupervisor } from './connection-supervisor';
import type { SupervisorLogger } from './connection-supervisor';
import { encode } from './message-codec';
import { RabbitConsumer } from './rabbitmq-consumer';
import type { ConsumerHost, ConsumerSpec } from './rabbitmq-consumer';
import type { RabbitMqOptions } from './rabbitmq-options';
import { declareExchanges, topologyNames } from './topology';
import type { TopologyNames } from './topology';

const silent: SupervisorLogger = { info: () => undefined, warn: () => undefined };

/**
 * MessageBus on RabbitMQ 3.10+: topic exchange, quorum queues, publisher confirms with
 * `mandatory`, delay-queue retries and at-least-once dead-lettering. See docs/messaging.md.
 */
export class RabbitMqMessageBus implements MessageBus, ConsumerHost {
  readonly names: TopologyNames;
  /** Every queue this bus declared (for `deleteTopology` in tests and tooling). */
  readonly declared = new Set<string>();
  private readonly supervisor: ConnectionSupervisor;
  private readonly consumers = new Set<RabbitConsumer>();
  private publishChannel: ConfirmChannel | undefined;
  private readonly returned = new Set<string>();
  private drain: Promise<void> | undefined;
  private seq = 0;
  private closing = false;

  constructor(
    private readonly options: RabbitMqOptions,
    private readonly logger: SupervisorLogger = silent,
    private readonly adapterId?: string,
  ) {
    this.names = topologyNames(options.prefix ?? 'dropship');
    this.supervisor = new ConnectionSupervisor({
      url: options.url,
      heartbeatSeconds: options.heartbeatSeconds ?? 10,
      initialDelayMs: options.reconnect?.initialDelayMs ?? 200,
      maxDelayMs: options.reconnect?.maxDelayMs ?? 30_000,
      logger,
      onConnected: (conn) => this.onConnected(conn),
    });
  }

  /** Connects (the platform calls this once from the adapter's `init`). */
  async start(): Promise<void> {
    await this.supervisor.start();
  }

  async publish(message: OutgoingMessage): Promise<void> {
    const { content, options } = encode(message, 1);
    await this.publishRaw(this.names.exchange, message.topic, content, options);
  }

  async publishBatch(messages: readonly OutgoingMessage[]): Promise<void> {
    const pending: Array<Promise<void>> = [];
    for (const m of messages) {
      if (this.drain) await this.drain;
      const p = this.publish(m);
      p.catch(() => undefined); // observed by Promise.all below; avoids an unhandled rejection first
      pending.push(p);
    }
    await Promise.all(pending);
  }

  async consume(subscription: Subscription, handler: MessageHandler): Promise<Consumer> {
    return this.add({
      kind: 'work',
      shape: {
        queue: subscription.queue,
        topics: subscription.topics,
        maxAttempts: Math.max(1, subscription.maxAttempts ?? DEFAULT_SUBSCRIPTION.maxAttempts),
        retryDelaysMs: subscription.retryDelaysMs ?? DEFAULT_SUBSCRIPTION.retryDelaysMs,
      },
      prefetch: subscription.prefetch ?? this.options.prefetch ?? DEFAULT_SUBSCRIPTION.prefetch,
      handlerTimeoutMs: subscription.handlerTimeoutMs ?? DEFAULT_SUBSCRIPTION.handlerTimeoutMs,
      handler,
    });
  }

  async consumeDeadLetters(queue: string, handler: (message: DeadLetter) => Promise<void>): Promise<Consumer> {
    return this.add({ kind: 'dead', queue, prefetch: 16, handler });
  }

  async ping(): Promise<boolean> {
    return this.publishChannel !== undefined;
  }

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    await Promise.all([...this.consumers].map((c) => c.stop()));
    await this.supervisor.close();
    this.publishChannel = undefined;
  }

  /** Deletes every queue this bus declared and its exchanges (test runs clean up after themselves). */
  async deleteTopology(): Promise<void> {
    const conn = this.supervisor.current;
    if (!conn) return;
    const ch = await conn.createChannel();
    ch.on('error', () => undefined);
    for (const q of this.declared) await ch.deleteQueue(q);
    await ch.deleteExchange(this.names.exchange);
    await ch.deleteExchange(this.names.dlx);
    await ch.close();
  }

  /** Publishes with confirm + mandatory; resolves only when the broker confirmed and did not return it. */
  publishRaw(exchange: string, routingKey: string, content: Buffer, options: Options.Publish): Promise<void> {
    const ch = this.publishChannel;
    if (!ch) return Promise.reject(this.unavailable('no channel to RabbitMQ (reconnecting)'));
    const correlationId = String(++this.seq);
    return new Promise<void>((resolve, reject) => {
      const confirmed = (err: unknown) => {
        const wasReturned = this.returned.delete(correlationId);
        if (err) reject(this.unavailable('publish not confirmed', err));
        else if (wasReturned) {
          reject(new AdapterError('BUS.UNROUTABLE', `no queue is bound for ${exchange || '(default)'} / ${routingKey}`, { retryable: false, adapterId: this.adapterId }));
        } else resolve();
      };
      try {
        const ok = ch.publish(exchange, routingKey, content, { ...options, mandatory: true, correlationId }, confirmed);
        if (!ok && !this.drain) {
          this.drain = new Promise<void>((r) => {
            const done = () => ((this.drain = undefined), r());
            ch.once('drain', done);
            ch.once('close', done);
          });
        }
      } catch (e) {
        reject(this.unavailable('publish failed', e));
      }
    });
  }

  channelLost(consumer: RabbitConsumer): void {
    const conn = this.supervisor.current;
    if (this.closing || !conn) return; // the reconnect restarts every consumer
    setTimeout(() => {
      if (this.supervisor.current === conn) consumer.start(conn).catch((e) => this.supervisor.connectionLost(e));
    }, 200);
  }

  removed(consumer: RabbitConsumer): void {
    this.consumers.delete(consumer);
  }

  warn(obj: object, msg: string): void {
    this.logger.warn(obj, msg);
  }

  private async add(spec: ConsumerSpec): Promise<Consumer> {
    if (this.closing) throw new AdapterError('BUS.CLOSED', 'the bus is closed', { retryable: false, adapterId: this.adapterId });
    const c = new RabbitConsumer(this, spec);
    this.consumers.add(c);
    const conn = this.supervisor.current;
    // Disconnected right now: the consumer starts with the others once the supervisor reconnects.
    if (conn) {
      try {
        await c.start(conn);
      } catch (e) {
        this.consumers.delete(c);
        throw this.unavailable('could not declare or consume the queue', e);
      }
    }
    return { stop: () => c.stop() };
  }

  private async onConnected(conn: ChannelModel): Promise<void> {
    const ch = await conn.createConfirmChannel();
    ch.on('error', () => undefined);
    // basic.return precedes the confirm of the same message, so the confirm callback sees it.
    ch.on('return', (msg) => {
      const id = msg.properties.correlationId as string | undefined;
      if (id) this.returned.add(id);
    });
    ch.on('close', () => {
      if (this.publishChannel !== ch) return;
      this.publishChannel = undefined;
      if (!this.closing) this.supervisor.connectionLost('publish channel closed');
    });
    await declareExchanges(ch, this.names);
    this.publishChannel = ch;
    for (const c of this.consumers) await c.start(conn);
  }

  private unavailable(message: string, cause?: unknown): AdapterError {
    return new AdapterError('BUS.UNAVAILABLE', cause ? `${message}: ${String(cause)}` : message, {
      retryable: true,
      outcomeUnknown: cause !== undefined,
      adapterId: this.adapterId,
      cause,
    });
  }
}
