export * from './actor';
export * from './business-time';
export * from './clock.port';
export * from './command-pipeline';
export * from './engine.errors';
export * from './event-id';
export * from './stream-cache';
