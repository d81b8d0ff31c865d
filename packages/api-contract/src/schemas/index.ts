export * from './common';
export * from './accounts';
export * from './onboarding';
export * from './catalog';
export * from './orders';
