export * from './users.ts';
export * from './common.ts';
