import { AdapterError, topicMatches } from '@dropship/core';
import type {
  Consumer,
  DeadLetter,
  DeliveredMessage,
  MessageBus,
  MessageHandler,
  OutgoingMessage,
  Subscription,
} from '@dropship/core';
import { MemoryQueue, settingsOf } from './memory-queue';
import type { MemoryConsumer } from './memory-queue';

/** Tuning for the in-process bus. */
export interface InMemoryBusOptions {
  /** Fraction of each retry delay added or removed at random (0.2 = ±20 %). */
  jitter?: number;
  /** Adapter instance id, carried on errors. */
  adapterId?: string;
}

/**
 * The MessageBus in one process: the same topology rules as RabbitMQ (queues exist once a consumer
 * declared them, topic bindings, retries, dead letters), nothing survives a restart.
 */
export class InMemoryMessageBus implements MessageBus {
  private readonly queues = new Map<string, MemoryQueue>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly consumers = new Set<Consumer>();
  private closed = false;
  private readonly jitter: number;

  constructor(private readonly options: InMemoryBusOptions = {}) {
    this.jitter = options.jitter ?? 0.2;
  }

  async publish(message: OutgoingMessage): Promise<void> {
    this.assertOpen();
    const targets = [...this.queues.values()].filter((q) => [...q.bindings].some((p) => topicMatches(p, message.topic)));
    if (targets.length === 0) {
      throw new AdapterError('BUS.UNROUTABLE', `no queue is bound for topic ${message.topic}`, {
        retryable: false,
        adapterId: this.options.adapterId,
      });
    }
    // A JSON round trip, so handlers see what a networked broker would give them.
    const payload: unknown = message.payload === undefined ? undefined : JSON.parse(JSON.stringify(message.payload));
    for (const q of targets) {
      q.ready.push({ ...message, payload, headers: { ...message.headers }, attempt: 1 });
      this.pump(q);
    }
  }

  async publishBatch(messages: readonly OutgoingMessage[]): Promise<void> {
    for (const m of messages) await this.publish(m);
  }

  async consume(subscription: Subscription, handler: MessageHandler): Promise<Consumer> {
    this.assertOpen();
    const q = this.declare(subscription.queue);
    q.settings = settingsOf(subscription);
    for (const topic of subscription.topics) q.bindings.add(topic);
    const c: MemoryConsumer = { handler, inFlight: 0, stopped: false, drained: [] };
    q.consumers.push(c);
    const consumer: Consumer = {
      stop: async () => {
        c.stopped = true;
        while (c.inFlight > 0) await new Promise<void>((r) => c.drained.push(r));
        const i = q.consumers.indexOf(c);
        if (i >= 0) q.consumers.splice(i, 1);
        this.consumers.delete(consumer);
      },
    };
    this.consumers.add(consumer);
    queueMicrotask(() => this.pump(q));
    return consumer;
  }

  async consumeDeadLetters(queue: string, handler: (message: DeadLetter) => Promise<void>): Promise<Consumer> {
    this.assertOpen();
    const q = this.declare(queue);
    const entry = { handler, stopped: false, busy: false };
    q.deadLetterHandlers.push(entry);
    const consumer: Consumer = {
      stop: async () => {
        entry.stopped = true;
        while (entry.busy) await new Promise((r) => setTimeout(r, 5));
        q.deadLetterHandlers.splice(q.deadLetterHandlers.indexOf(entry), 1);
        this.consumers.delete(consumer);
      },
    };
    this.consumers.add(consumer);
    queueMicrotask(() => void this.pumpDead(q));
    return consumer;
  }

  async ping(): Promise<boolean> {
    return !this.closed;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await Promise.all([...this.consumers].map((c) => c.stop()));
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  /** Messages waiting in a queue's dead-letter list (for tests and admin tooling). */
  deadLettersOf(queue: string): readonly DeadLetter[] {
    return this.queues.get(queue)?.deadLetters ?? [];
  }

  private declare(name: string): MemoryQueue {
    let q = this.queues.get(name);
    if (!q) {
      q = new MemoryQueue(name, settingsOf({ queue: name, topics: [] }));
      this.queues.set(name, q);
    }
    return q;
  }

  private pump(q: MemoryQueue): void {
    while (q.ready.length > 0) {
      const c = q.pickConsumer();
      if (!c) return;
      void this.deliver(q, c, q.ready.shift()!);
    }
  }

  private async deliver(q: MemoryQueue, c: MemoryConsumer, m: DeliveredMessage): Promise<void> {
    c.inFlight++;
    const { handlerTimeoutMs, maxAttempts } = q.settings;
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`handler timed out after ${handlerTimeoutMs} ms`)), handlerTimeoutMs);
      });
      await Promise.race([c.handler(m), timeout]);
    } catch (e) {
      const permanent = (e as { retryable?: unknown } | null)?.retryable === false;
      if (permanent || m.attempt >= maxAttempts) this.deadLetter(q, m, reasonOf(e));
      else this.scheduleRetry(q, m);
    } finally {
      clearTimeout(timer);
      c.inFlight--;
      c.drained.splice(0).forEach((r) => r());
      this.pump(q);
    }
  }

  private scheduleRetry(q: MemoryQueue, m: DeliveredMessage): void {
    const delays = q.settings.retryDelaysMs;
    const base = delays[Math.min(m.attempt - 1, delays.length - 1)] ?? 0;
    const delay = Math.max(0, base * (1 + this.jitter * (Math.random() * 2 - 1)));
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      q.ready.push({ ...m, attempt: m.attempt + 1 });
      this.pump(q);
    }, delay);
    this.timers.add(timer);
  }

  private deadLetter(q: MemoryQueue, m: DeliveredMessage, reason: string): void {
    q.deadLetters.push({ ...m, queue: q.name, reason, deadAt: new Date() });
    void this.pumpDead(q);
  }

  /** Hands stored dead letters to the first free dead-letter handler; a failing handler gets it again later. */
  private async pumpDead(q: MemoryQueue): Promise<void> {
    const h = q.deadLetterHandlers.find((x) => !x.stopped && !x.busy);
    if (!h || q.deadLetters.length === 0) return;
    h.busy = true;
    const d = q.deadLetters.shift()!;
    try {
      await h.handler(d);
    } catch {
      q.deadLetters.push(d);
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      h.busy = false;
    }
    void this.pumpDead(q);
  }

  private assertOpen(): void {
    if (this.closed) throw new AdapterError('BUS.CLOSED', 'the bus is closed', { retryable: false, adapterId: this.options.adapterId });
  }
}

function reasonOf(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}
