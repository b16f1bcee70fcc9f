export * from './accounts';
export * from './learning';
export * from './practice';
export * from './portfolio';
export * from './management';
