export * from './currencies';
export * from './errors';
export * from './message';
export * from './money';
export * from './role';
export * from './streams';
export * from './times';
export * from './upcasting';
