import { IMPORT_REQUESTED_TOPIC, PermanentFailure, type Consumer, type DeliveredMessage } from '@dropship/core';
import type { Platform } from '@dropship/platform';

export const CATALOG_IMPORT_QUEUE = 'worker.catalog-import';

/**
 * Runs catalog imports. The job row is the source of truth: a redelivered message re-runs the job
 * (products are upserted by SKU, so nothing duplicates); a finished job is skipped. When every
 * attempt failed, the dead-letter handler marks the job FAILED so the supplier sees why.
 */
export async function startCatalogImportConsumer(platform: Platform): Promise<Consumer[]> {
  const log = platform.logger.child({ consumer: CATALOG_IMPORT_QUEUE });
  const handle = async (m: DeliveredMessage) => {
    const jobId = (m.payload as { jobId?: unknown })?.jobId;
    if (typeof jobId !== 'string') throw new PermanentFailure(`message ${m.id} has no jobId`);
    log.info({ jobId, attempt: m.attempt }, 'catalog import started');
    await platform.services.imports.run(jobId);
    log.info({ jobId }, 'catalog import finished');
  };
  const main = await platform.bus.consume(
    { queue: CATALOG_IMPORT_QUEUE, topics: [IMPORT_REQUESTED_TOPIC], prefetch: 1, maxAttempts: 4, retryDelaysMs: [2_000, 10_000, 60_000], handlerTimeoutMs: 10 * 60_000 },
    handle,
  );
  const dead = await platform.bus.consumeDeadLetters(CATALOG_IMPORT_QUEUE, async (m) => {
    const jobId = (m.payload as { jobId?: unknown })?.jobId;
    log.error({ jobId, reason: m.reason, attempts: m.attempt }, 'catalog import dead-lettered');
    if (typeof jobId === 'string') {
      await platform.persistence.repos.jobs.finish(jobId, 'FAILED', `The import failed ${m.attempt} times and was stopped: ${m.reason}`, platform.clock.now());
    }
  });
  return [main, dead];
}
