import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { connect } from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeadLetter } from '@dropship/core';
import { describeMessageBusContract } from '@dropship/adapter-testkit';
import { AMQP_TEST_URL, reachable, requireServer, runId } from '@dropship/test-setup';
import { RabbitMqMessageBus } from './rabbitmq-message-bus.adapter';

const url = AMQP_TEST_URL;
const hasRabbit = await requireServer('RabbitMQ', url);
const prefix = runId('contract');
let restarted = false;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Stops and starts the RabbitMQ application (not the node), then waits for the port. */
async function restartBroker(): Promise<void> {
  const run = promisify(execFile);
  await run('rabbitmqctl', ['stop_app']);
  await run('rabbitmqctl', ['start_app']);
  const deadline = Date.now() + 60_000;
  while (!(await reachable(url, 500))) {
    if (Date.now() > deadline) throw new Error('RabbitMQ did not come back within 60 s');
    await new Promise((r) => setTimeout(r, 200));
  }
}

// One file on purpose: the contract's broker restart must not overlap other RabbitMQ tests
// (vitest runs files in parallel, tests within a file in sequence).

// RabbitMQ-specific behaviour the port contract cannot express: broker-side delivery limit,
// connection options, readiness.
describe.skipIf(!hasRabbit)('RabbitMqMessageBus (broker specifics)', () => {
  let bus: RabbitMqMessageBus;

  beforeAll(async () => {
    bus = new RabbitMqMessageBus({ url, prefix: runId('specifics') });
    await bus.start();
  });
  afterAll(async () => {
    await bus.deleteTopology().catch(() => undefined);
    await bus.close();
  });

  it('reports ready while connected and not after close', async () => {
    const other = new RabbitMqMessageBus({ url, prefix: runId('ping') });
    await other.start();
    expect(await other.ping()).toBe(true);
    await other.close();
    expect(await other.ping()).toBe(false);
  });

  it('publish→confirm round trip is fast (noDelay)', async () => {
    const consumer = await bus.consume({ queue: 'latency', topics: ['latency.probe'] }, async () => undefined);
    const samples: number[] = [];
    for (let i = 0; i < 300; i++) {
      const t0 = performance.now();
      await bus.publish({ id: randomUUID(), topic: 'latency.probe', payload: { i } });
      samples.push(performance.now() - t0);
    }
    await consumer.stop();
    samples.sort((a, b) => a - b);
    const median = samples[150]!;
    const p99 = samples[297]!;
    console.info(`[rabbitmq] publish→confirm round trip: median ${median.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms (300 sequential)`);
    // Loose sanity bound: Nagle (no noDelay) costs ~40 ms per round trip.
    expect(median).toBeLessThan(20);
  });

  it('x-delivery-limit dead-letters a message redelivered past maxAttempts (handler crashing the process)', async () => {
    const queue = 'crashy';
    const dead: DeadLetter[] = [];
    const dlc = await bus.consumeDeadLetters(queue, async (d) => void dead.push(d));
    // Declare the topology, then stop consuming: a raw channel plays the crashing process.
    await (await bus.consume({ queue, topics: ['crashy.event'], maxAttempts: 2 }, async () => undefined)).stop();
    const id = randomUUID();
    await bus.publish({ id, topic: 'crashy.event', payload: { n: 1 } });

    const conn = await connect(url, { noDelay: true });
    const ch = await conn.createChannel();
    let redeliveries = 0;
    for (let i = 0; i < 10 && dead.length === 0; i++) {
      const m = await ch.get(bus.names.queue(queue));
      if (m) {
        redeliveries++;
        ch.nack(m, false, true); // what a dying consumer's unacked message amounts to
      }
      await sleep(50);
    }
    await conn.close();
    for (let i = 0; i < 100 && dead.length === 0; i++) await sleep(50);
    await dlc.stop();
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({ id, queue, payload: { n: 1 } });
    expect(dead[0]!.reason).toMatch(/delivery_limit/);
    expect(redeliveries).toBe(3); // limit 2 ⇒ the third return dead-letters
  });
});

describe.skipIf(!hasRabbit)('adapter-rabbitmq', () => {
  describeMessageBusContract({
    name: 'rabbitmq',
    timeScale: 2,
    setup: async () => {
      const bus = new RabbitMqMessageBus({ url, prefix, reconnect: { initialDelayMs: 100, maxDelayMs: 1_000 } });
      await bus.start();
      // The broker restart is slow and disturbs every connection on the shared broker, including other
      // suites running in parallel: `npm test` runs it alone afterwards (test:broker-restart sets the flag).
      const restart = restarted || process.env.DROPSHIP_BROKER_RESTART !== '1' ? undefined : async () => ((restarted = true), restartBroker());
      return {
        bus,
        restartBroker: restart,
        teardown: async () => {
          await bus.deleteTopology().catch(() => undefined);
          await bus.close();
        },
      };
    },
  });
});
