import { composePlatform, DEMO_LOGINS, ensureStartupData } from '@dropship/platform';
import { workerComponent } from '@dropship/worker';
import { httpComponent } from './server';

/**
 * `npm start` (api + worker + site in one process, `--with-worker`) and `npm run start:api`.
 * Embedded by default (PGlite + in-process queue); DATABASE_URL / AMQP_URL switch to PostgreSQL / RabbitMQ.
 */
const withWorker = process.argv.includes('--with-worker');
const started = Date.now();
const platform = await composePlatform();
const { config } = platform;
if (!withWorker && platform.persistence.engine === 'pglite') {
  platform.logger.warn('the embedded database and queue live in this process: run `npm start` (api + worker) rather than the api alone');
}
let startup: Awaited<ReturnType<typeof ensureStartupData>> | undefined;
platform.lifecycle.add({ name: 'startup-data', start: async () => void (startup = await ensureStartupData(platform)) });
platform.lifecycle.add({ name: 'outbox-relay', start: async () => platform.relay.start(), stop: () => platform.relay.stop() });
if (withWorker) platform.lifecycle.add(workerComponent(platform));
const http = httpComponent(platform);
platform.lifecycle.add(http);
platform.lifecycle.stopOnSignals();
await platform.lifecycle.start();

const lines = [
  '',
  `  Dropship platform ready in ${((Date.now() - started) / 1000).toFixed(1)} s  →  ${http.url()}`,
  `  database: ${platform.persistence.engine}${config.embedded ? ` (${config.dataDir})` : ''} · queue: ${config.amqpUrl ? 'RabbitMQ' : 'in-process'} · worker: ${withWorker ? 'in this process' : 'separate'}`,
  `  API reference: ${http.url()}/api/docs   OpenAPI: ${http.url()}/api/openapi.json`,
  `  admin:    ${config.admin.email}${config.admin.fromDefaults ? ` / ${config.admin.password}` : ''}`,
];
if (startup?.demo) {
  lines.push(`  supplier: ${DEMO_LOGINS.supplier.email} / ${DEMO_LOGINS.supplier.password}`, `  retailer: ${DEMO_LOGINS.retailer.email} / ${DEMO_LOGINS.retailer.password}`);
}
console.info(lines.join('\n') + '\n');
