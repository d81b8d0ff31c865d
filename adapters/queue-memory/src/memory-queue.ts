import { DEFAULT_SUBSCRIPTION } from '@dropship/core';
import type { DeadLetter, DeliveredMessage, MessageHandler, Subscription } from '@dropship/core';

/** Effective settings of a queue, taken from the last `consume` that declared it. */
export interface QueueSettings {
  prefetch: number;
  maxAttempts: number;
  retryDelaysMs: readonly number[];
  handlerTimeoutMs: number;
}

/** Fills a subscription's gaps with the port's defaults. */
export function settingsOf(sub: Subscription): QueueSettings {
  return {
    prefetch: Math.max(1, sub.prefetch ?? DEFAULT_SUBSCRIPTION.prefetch),
    maxAttempts: Math.max(1, sub.maxAttempts ?? DEFAULT_SUBSCRIPTION.maxAttempts),
    retryDelaysMs: sub.retryDelaysMs ?? DEFAULT_SUBSCRIPTION.retryDelaysMs,
    handlerTimeoutMs: sub.handlerTimeoutMs ?? DEFAULT_SUBSCRIPTION.handlerTimeoutMs,
  };
}

/** One consumer attached to a queue; `inFlight` is bounded by the queue's prefetch. */
export interface MemoryConsumer {
  readonly handler: MessageHandler;
  inFlight: number;
  stopped: boolean;
  /** Resolved whenever `inFlight` drops, so `stop()` can wait for zero. */
  drained: Array<() => void>;
}

/** A declared queue: like a durable AMQP queue it keeps messages while nobody consumes. */
export class MemoryQueue {
  readonly bindings = new Set<string>();
  readonly ready: DeliveredMessage[] = [];
  readonly consumers: MemoryConsumer[] = [];
  readonly deadLetters: DeadLetter[] = [];
  readonly deadLetterHandlers: Array<{ handler: (m: DeadLetter) => Promise<void>; stopped: boolean; busy: boolean }> = [];
  private next = 0;

  constructor(
    readonly name: string,
    public settings: QueueSettings,
  ) {}

  /** Round-robin over consumers that still have prefetch room. */
  pickConsumer(): MemoryConsumer | undefined {
    const n = this.consumers.length;
    for (let i = 0; i < n; i++) {
      const c = this.consumers[(this.next + i) % n]!;
      if (!c.stopped && c.inFlight < this.settings.prefetch) {
        this.next = (this.next + i + 1) % n;
        return c;
      }
    }
    return undefined;
  }
}
