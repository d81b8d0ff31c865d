import { composePlatform, ensureStartupData } from '@dropship/platform';
import { workerComponent } from './worker';

/** `npm run start:worker`: the worker as its own process (PostgreSQL + RabbitMQ deployments). */
const platform = await composePlatform();
platform.lifecycle.add({ name: 'startup-data', start: async () => void (await ensureStartupData(platform)) });
platform.lifecycle.add({ name: 'outbox-relay', start: async () => platform.relay.start(), stop: () => platform.relay.stop() });
platform.lifecycle.add(workerComponent(platform));
platform.lifecycle.stopOnSignals();
await platform.lifecycle.start();
platform.logger.info({ engine: platform.persistence.engine }, 'worker ready');
