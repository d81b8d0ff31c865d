export * from './worker';
export * from './catalog-import.consumer';
export * from './order-dispatch.consumer';
export * from './notifications.consumer';
