import type { Consumer } from '@dropship/core';
import type { LifecycleComponent, Platform } from '@dropship/platform';
import { startCatalogImportConsumer } from './catalog-import.consumer';
import { startNotificationsConsumer, type NotificationsConsumerOptions } from './notifications.consumer';
import { startOrderDispatchConsumer, type DispatchConsumerOptions } from './order-dispatch.consumer';

/** The worker's consumers as one lifecycle component: started after the adapters, stopped (drained) before them. */
export function workerComponent(platform: Platform, opts: { dispatch?: DispatchConsumerOptions; notifications?: NotificationsConsumerOptions } = {}): LifecycleComponent {
  let consumers: Consumer[] = [];
  return {
    name: 'worker',
    async start() {
      consumers = [...(await startCatalogImportConsumer(platform)), ...(await startOrderDispatchConsumer(platform, opts.dispatch)), ...(await startNotificationsConsumer(platform, opts.notifications))];
      platform.logger.info({ consumers: consumers.length }, 'worker consuming');
    },
    async stop() {
      await Promise.all(consumers.map((c) => c.stop()));
    },
  };
}
