import type { Clock, MessageBus, OutboxRepository } from '@dropship/core';
import type { Logger } from './logger';

/**
 * Publishes committed outbox rows to the bus. Rows are claimed with FOR UPDATE SKIP LOCKED by the
 * repository, so any number of relays (api and worker processes) can run side by side; a row is
 * marked only after the broker confirmed it. A row whose publish fails stays pending and is retried.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private stopped = false;
  private current: Promise<void> | undefined;
  private failures = 0;
  published = 0;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly bus: MessageBus,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly opts: { batchSize?: number; idleMs?: number } = {},
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Runs relay passes until a pass finds nothing to publish (tests and shutdown). */
  async drain(): Promise<void> {
    while ((await this.pass()) > 0);
  }

  /** One pass: claim a batch, publish each row, mark the confirmed ones. Returns rows marked. */
  async pass(): Promise<number> {
    const batchSize = this.opts.batchSize ?? 200;
    return this.outbox.relayBatch(
      batchSize,
      async (rows) => {
        const done: string[] = [];
        for (const row of rows) {
          try {
            await this.bus.publish({ id: row.id, topic: row.topic, payload: row.payload, headers: row.headers, occurredAt: row.createdAt });
            done.push(row.id);
          } catch (e) {
            this.log.warn({ err: e, outboxId: row.id, topic: row.topic }, 'outbox publish failed; will retry');
          }
        }
        return done;
      },
      this.clock.now(),
    );
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.current;
  }

  /** Wakes the relay now (after a request enqueued something) instead of waiting for the next tick. */
  nudge(): void {
    if (!this.stopped && !this.running) this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = true;
      this.current = this.pass()
        .then((n) => {
          this.failures = 0;
          this.published += n;
          this.running = false;
          this.schedule(n >= (this.opts.batchSize ?? 200) ? 0 : (this.opts.idleMs ?? 250));
        })
        .catch((e) => {
          this.running = false;
          this.failures++;
          this.log.error({ err: e }, 'outbox relay pass failed');
          this.schedule(Math.min(30_000, 250 * 2 ** this.failures));
        });
    }, ms);
    this.timer.unref?.();
  }
}
