export * from './users.ts';
export * from './common.ts';
export * from './municipalities.ts';
export * from './timeline.ts';
export * from './archives.ts';
export * from './targetSeries.ts';
export * from './findings.ts';
export * from './purposes.ts';
