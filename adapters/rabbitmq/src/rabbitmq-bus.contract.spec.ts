import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe } from 'vitest';
import { describeMessageBusContract } from '@dropship/adapter-testkit';
import { AMQP_TEST_URL, reachable, requireServer, runId } from '@dropship/test-setup';
import { RabbitMqMessageBus } from './rabbitmq-message-bus.adapter';

const url = AMQP_TEST_URL;
const hasRabbit = await requireServer('RabbitMQ', url);
const prefix = runId('contract');
let restarted = false;

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

describe.skipIf(!hasRabbit)('adapter-rabbitmq', () => {
  describeMessageBusContract({
    name: 'rabbitmq',
    timeScale: 2,
    setup: async () => {
      const bus = new RabbitMqMessageBus({ url, prefix, reconnect: { initialDelayMs: 100, maxDelayMs: 1_000 } });
      await bus.start();
      // The broker restart is slow and disturbs every connection: run it once per run.
      const restart = restarted ? undefined : async () => ((restarted = true), restartBroker());
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
