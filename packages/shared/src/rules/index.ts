export * from './users.ts';
export * from './common.ts';
export * from './risks.ts';
