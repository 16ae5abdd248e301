export { norwegianSortKey } from './sortKey.ts';
export * from './codeLists.ts';
