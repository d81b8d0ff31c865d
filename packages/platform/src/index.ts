export * from './crypto/index';
export * from './files/index';
