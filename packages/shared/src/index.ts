export { norwegianSortKey } from './sortKey.ts';
export * from './codeLists.ts';
export * from './rules/index.ts';
export * from './seriesView.ts';
export * from './benefitStatus.ts';
