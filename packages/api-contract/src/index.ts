export * from './operation';
export * from './operations';
export * from './openapi';
export * as schemas from './schemas/index';
