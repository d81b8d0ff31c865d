export * from './worker';
export * from './catalog-import.consumer';
