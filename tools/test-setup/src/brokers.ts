import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import amqp from 'amqplib';
import { AMQP_TEST_URL } from './services';

const run = promisify(execFile);

/**
 * Deletes every queue and exchange whose name starts with `prefix` on the shared test broker, for
 * suites that ran the platform in child processes (they cannot call the adapter's cleanup).
 */
export async function deleteBrokerPrefix(prefix: string): Promise<void> {
  const list = async (what: 'list_queues' | 'list_exchanges') =>
    (await run('rabbitmqctl', ['-q', what, 'name'], { timeout: 30_000 })).stdout.split('\n').map((s) => s.trim()).filter((n) => n.startsWith(prefix));
  const [queues, exchanges] = [await list('list_queues'), await list('list_exchanges')];
  const conn = await amqp.connect(AMQP_TEST_URL);
  try {
    const ch = await conn.createChannel();
    for (const q of queues) await ch.deleteQueue(q);
    for (const e of exchanges) await ch.deleteExchange(e);
    await ch.close();
  } finally {
    await conn.close();
  }
}
