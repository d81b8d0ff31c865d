import { randomBytes, randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PermanentFailure, isAdapterError } from '@dropship/core';
import type { Consumer, DeadLetter, DeliveredMessage, MessageBus, OutgoingMessage, Subscription } from '@dropship/core';

/** What an implementation hands the MessageBus contract suite. */
export interface MessageBusContractOptions {
  name: string;
  /** Called before every test: a fresh bus on a (possibly shared) broker. */
  setup: () => Promise<{ bus: MessageBus; teardown: () => Promise<void>; restartBroker?: () => Promise<void> }>;
  /** Multiplies every wait in the suite (networked brokers are slower than memory). Default 1. */
  timeScale?: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const suffix = () => randomBytes(4).toString('hex');

/** Defines the vitest suite every MessageBus implementation must pass. */
export function describeMessageBusContract(opts: MessageBusContractOptions): void {
  const scale = opts.timeScale ?? 1;
  const ms = (n: number) => Math.round(n * scale);

  describe(`MessageBus contract: ${opts.name}`, () => {
    let bus: MessageBus;
    let teardown: () => Promise<void>;
    let restartBroker: (() => Promise<void>) | undefined;
    let consumers: Consumer[];
    // Topics and queues are unique per test: brokers are shared between tests and runs.
    let t: string;
    const q = (name: string) => `contract.${name}.${suffix()}`;

    beforeEach(async () => {
      ({ bus, teardown, restartBroker } = await opts.setup());
      consumers = [];
      t = `t${suffix()}`;
    });
    afterEach(async () => {
      await Promise.all(consumers.map((c) => c.stop()));
      await teardown();
    });

    async function consume(sub: Subscription, handler: (m: DeliveredMessage) => Promise<void>): Promise<Consumer> {
      const c = await bus.consume(sub, handler);
      consumers.push(c);
      return c;
    }
    async function deadLetters(queue: string): Promise<DeadLetter[]> {
      const list: DeadLetter[] = [];
      consumers.push(await bus.consumeDeadLetters(queue, async (d) => void list.push(d)));
      return list;
    }
    async function waitFor(cond: () => boolean, timeoutMs: number, what: string): Promise<void> {
      const deadline = Date.now() + ms(timeoutMs);
      while (!cond()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await sleep(10);
      }
    }
    const msg = (topic: string, payload: unknown = {}, extra: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
      id: randomUUID(),
      topic,
      payload,
      ...extra,
    });
    const fast = { retryDelaysMs: [50, 100], handlerTimeoutMs: 2_000 } as const;

    it('delivers a published message with id, topic, payload and headers intact', async () => {
      const got: DeliveredMessage[] = [];
      await consume({ queue: q('roundtrip'), topics: [`${t}.order.created`] }, async (m) => void got.push(m));
      const out = msg(`${t}.order.created`, { orderId: 'o-1', lines: [{ sku: 'A', qty: 2 }], note: 'ünïcode ✓' }, {
        headers: { 'x-tenant': 'tenant-1', traceparent: '00-abc-def-01' },
        occurredAt: new Date('2026-01-02T03:04:05.678Z'),
      });
      await bus.publish(out);
      await waitFor(() => got.length === 1, 5_000, 'delivery');
      const m = got[0]!;
      expect(m).toMatchObject({ id: out.id, topic: out.topic, payload: out.payload, attempt: 1 });
      expect(m.headers).toMatchObject(out.headers!);
      expect(m.occurredAt?.toISOString()).toBe('2026-01-02T03:04:05.678Z');
    });

    it('fans out to every subscription whose topics match', async () => {
      const a: string[] = [];
      const b: string[] = [];
      await consume({ queue: q('fan-a'), topics: [`${t}.stock.changed`] }, async (m) => void a.push(m.id));
      await consume({ queue: q('fan-b'), topics: [`${t}.stock.changed`] }, async (m) => void b.push(m.id));
      const out = msg(`${t}.stock.changed`);
      await bus.publish(out);
      await waitFor(() => a.length === 1 && b.length === 1, 5_000, 'both subscriptions');
      expect([a, b]).toEqual([[out.id], [out.id]]);
    });

    it('routes with * (one word) and # (zero or more words)', async () => {
      const star: string[] = [];
      const hash: string[] = [];
      await consume({ queue: q('star'), topics: [`${t}.order.*`] }, async (m) => void star.push(m.topic));
      await consume({ queue: q('hash'), topics: [`${t}.#`] }, async (m) => void hash.push(m.topic));
      for (const topic of [`${t}.order.created`, `${t}.order.line.added`, `${t}`]) await bus.publish(msg(topic));
      await waitFor(() => hash.length === 3, 5_000, '# deliveries');
      await sleep(ms(100));
      expect(star).toEqual([`${t}.order.created`]);
      expect(hash.sort()).toEqual([`${t}`, `${t}.order.created`, `${t}.order.line.added`].sort());
    });

    it('rejects a publish nothing is bound to with BUS.UNROUTABLE, and keeps publishing afterwards', async () => {
      const err = await bus.publish(msg(`${t}.nobody.listens`)).then(() => undefined, (e: unknown) => e);
      expect(isAdapterError(err)).toBe(true);
      expect(err).toMatchObject({ code: 'BUS.UNROUTABLE' });
      const got: string[] = [];
      await consume({ queue: q('after-unroutable'), topics: [`${t}.ok`] }, async (m) => void got.push(m.id));
      await bus.publish(msg(`${t}.ok`));
      await waitFor(() => got.length === 1, 5_000, 'delivery after an unroutable publish');
    });

    it('retries a failed handler after the retry delay, with increasing attempt numbers', async () => {
      const attempts: Array<{ attempt: number; at: number }> = [];
      await consume({ queue: q('retry'), topics: [`${t}.retry`], ...fast, maxAttempts: 3 }, async (m) => {
        attempts.push({ attempt: m.attempt, at: Date.now() });
        if (m.attempt === 1) throw new Error('transient');
      });
      await bus.publish(msg(`${t}.retry`));
      await waitFor(() => attempts.length === 2, 5_000, 'the second attempt');
      await sleep(ms(200));
      expect(attempts.map((a) => a.attempt)).toEqual([1, 2]);
      // 50 ms delay with at most ±50 % jitter.
      expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(25);
    });

    it('dead-letters a PermanentFailure at once, with the reason', async () => {
      const queue = q('permanent');
      const dead = await deadLetters(queue);
      let calls = 0;
      await consume({ queue, topics: [`${t}.perm`], ...fast, maxAttempts: 5 }, async () => {
        calls++;
        throw new PermanentFailure('unknown sku XYZ');
      });
      const out = msg(`${t}.perm`, { sku: 'XYZ' });
      await bus.publish(out);
      await waitFor(() => dead.length === 1, 5_000, 'the dead letter');
      await sleep(ms(300));
      expect(calls).toBe(1);
      expect(dead).toHaveLength(1);
      expect(dead[0]).toMatchObject({ id: out.id, topic: out.topic, payload: { sku: 'XYZ' }, queue, attempt: 1 });
      expect(dead[0]!.reason).toContain('unknown sku XYZ');
      expect(dead[0]!.deadAt).toBeInstanceOf(Date);
    });

    it('dead-letters after maxAttempts, each message tried exactly maxAttempts times', async () => {
      const queue = q('exhaust');
      const dead = await deadLetters(queue);
      const tries = new Map<string, number[]>();
      await consume({ queue, topics: [`${t}.exhaust`], ...fast, maxAttempts: 3 }, async (m) => {
        tries.set(m.id, [...(tries.get(m.id) ?? []), m.attempt]);
        throw new Error(`boom ${m.attempt}`);
      });
      const outs = [msg(`${t}.exhaust`), msg(`${t}.exhaust`), msg(`${t}.exhaust`)];
      await bus.publishBatch(outs);
      await waitFor(() => dead.length === 3, 10_000, 'three dead letters');
      await sleep(ms(300));
      for (const o of outs) expect(tries.get(o.id)).toEqual([1, 2, 3]);
      expect(dead.map((d) => d.id).sort()).toEqual(outs.map((o) => o.id).sort());
      for (const d of dead) expect(d).toMatchObject({ attempt: 3, queue, reason: expect.stringContaining('boom 3') });
    });

    it('counts a handler timeout as a failed attempt', async () => {
      const queue = q('timeout');
      const dead = await deadLetters(queue);
      const attempts: number[] = [];
      await consume(
        { queue, topics: [`${t}.slow`], retryDelaysMs: [50], maxAttempts: 2, handlerTimeoutMs: 100 },
        async (m) => {
          attempts.push(m.attempt);
          await sleep(ms(400));
        },
      );
      await bus.publish(msg(`${t}.slow`));
      await waitFor(() => dead.length === 1, 5_000, 'the timed-out message to be dead-lettered');
      expect(attempts).toEqual([1, 2]);
      expect(dead[0]!.reason).toMatch(/time/i);
      await sleep(ms(400)); // let the abandoned handlers finish before teardown
    });

    it('keeps at most `prefetch` handlers of a subscription in flight', async () => {
      let inFlight = 0;
      let peak = 0;
      let done = 0;
      await consume({ queue: q('prefetch'), topics: [`${t}.pf`], prefetch: 3 }, async () => {
        peak = Math.max(peak, ++inFlight);
        await sleep(20);
        inFlight--;
        done++;
      });
      await bus.publishBatch(Array.from({ length: 30 }, () => msg(`${t}.pf`)));
      await waitFor(() => done === 30, 10_000, '30 handled');
      expect(peak).toBeLessThanOrEqual(3);
      expect(peak).toBeGreaterThan(1);
    });

    it('publishBatch of 1,000 delivers every message (at least once, none lost)', async () => {
      const seen = new Map<string, number>();
      await consume({ queue: q('batch'), topics: [`${t}.batch`], prefetch: 100 }, async (m) => {
        seen.set(m.id, (seen.get(m.id) ?? 0) + 1);
      });
      const outs = Array.from({ length: 1_000 }, (_, i) => msg(`${t}.batch`, { i }));
      await bus.publishBatch(outs);
      await waitFor(() => seen.size === 1_000, 20_000, '1,000 distinct deliveries');
      for (const o of outs) expect(seen.get(o.id) ?? 0).toBeGreaterThanOrEqual(1);
    });

    it('stop() waits for in-flight handlers; the queue keeps messages for the next consumer', async () => {
      const queue = q('stop');
      let started = 0;
      let finished = 0;
      const first = await bus.consume({ queue, topics: [`${t}.stop`] }, async () => {
        started++;
        await sleep(ms(200));
        finished++;
      });
      await bus.publish(msg(`${t}.stop`));
      await waitFor(() => started === 1, 5_000, 'the handler to start');
      await first.stop();
      expect(finished).toBe(1);
      const later = msg(`${t}.stop`);
      await bus.publish(later);
      await sleep(ms(200));
      expect(started).toBe(1);
      const got: string[] = [];
      await consume({ queue, topics: [`${t}.stop`] }, async (m) => void got.push(m.id));
      await waitFor(() => got.length === 1, 5_000, 'the kept message');
      expect(got).toEqual([later.id]);
    });

    it('poison messages (5 in 200) are dead-lettered without affecting the others', async () => {
      const queue = q('poison');
      const dead = await deadLetters(queue);
      const ok = new Set<string>();
      const poisonTries = new Map<string, number>();
      await consume({ queue, topics: [`${t}.mixed`], retryDelaysMs: [20, 40], maxAttempts: 3, prefetch: 10 }, async (m) => {
        if ((m.payload as { poison?: boolean }).poison) {
          poisonTries.set(m.id, (poisonTries.get(m.id) ?? 0) + 1);
          throw new Error('poison');
        }
        ok.add(m.id);
      });
      const outs = Array.from({ length: 200 }, (_, i) => msg(`${t}.mixed`, { i, poison: i % 40 === 7 }));
      await bus.publishBatch(outs);
      await waitFor(() => ok.size === 195 && dead.length >= 5, 20_000, '195 handled and 5 dead letters');
      const poison = outs.filter((o) => (o.payload as { poison: boolean }).poison).map((o) => o.id);
      expect(new Set(dead.map((d) => d.id))).toEqual(new Set(poison));
      for (const id of poison) expect(poisonTries.get(id)).toBe(3);
    });

    it('loses no confirmed publish across a broker restart, and publishing resumes', async (ctx) => {
      if (!restartBroker) return ctx.skip();
      const restart = restartBroker;
      const seen = new Set<string>();
      await consume({ queue: q('restart'), topics: [`${t}.chaos`], prefetch: 50 }, async (m) => void seen.add(m.id));
      const confirmed: string[] = [];
      let confirmedAfterRestart = 0;
      let phase = 'before' as 'before' | 'restarting' | 'after';
      let abandoned = false;
      const failures: unknown[] = [];
      const publisher = (async () => {
        while (!abandoned && (phase !== 'after' || confirmedAfterRestart < 100)) {
          const m = msg(`${t}.chaos`);
          try {
            await bus.publish(m);
            confirmed.push(m.id);
            if (phase === 'after') confirmedAfterRestart++;
          } catch (e) {
            failures.push(e);
            await sleep(50); // unavailable or in doubt: not confirmed, so not promised
          }
        }
      })();
      try {
        await waitFor(() => confirmed.length >= 100, 10_000, 'publishing before the restart');
        phase = 'restarting';
        await restart();
        phase = 'after';
        await waitFor(() => confirmedAfterRestart >= 100, 60_000, 'publishing to resume after the restart');
        await publisher;
        await waitFor(() => confirmed.every((id) => seen.has(id)), 60_000, 'every confirmed message to be consumed');
      } finally {
        abandoned = true;
      }
      const lost = confirmed.filter((id) => !seen.has(id));
      console.info(`[${opts.name}] restart: ${confirmed.length} confirmed, ${failures.length} failed publishes, ${lost.length} lost`);
      expect(lost).toEqual([]);
      expect(confirmedAfterRestart).toBeGreaterThanOrEqual(100);
      // While the broker is away, publish fails fast and says a retry may help.
      for (const e of failures) expect(e).toMatchObject({ name: 'AdapterError', retryable: true });
    }, 180_000);
  });
}
