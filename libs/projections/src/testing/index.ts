// Test and bench only: a lint rule keeps production code from importing `@ltc/projections/testing`.
export * from './rng';
export * from './sales-team';
export * from './generate-history';
export * from './append-history';
export * from './temp-dir';
export * from './incentive-journey';
