export * from './services';
export * from './databases';
