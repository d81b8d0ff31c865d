export * from './contracts/message-bus.contract';
export * from './contracts/persistence.contract';
export * from './in-memory/in-memory-persistence';
export * from './contracts/supplier.contract';
export * from './in-memory/fake-supplier';
export * from './contracts/notifier.contract';
export * from './in-memory/recording-notifier';
export * from './fixtures/two-supplier-order-world';
