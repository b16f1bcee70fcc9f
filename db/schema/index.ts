export * from './accounts';
export * from './learning';
