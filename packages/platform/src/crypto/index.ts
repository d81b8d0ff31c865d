export * from './secret-box';
export * from './secret-keys';
export * from './password-hasher';
export * from './token-service';
