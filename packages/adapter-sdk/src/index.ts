export * from './manifest';
export { AdapterError, isAdapterError, PermanentFailure } from '@dropship/core';
