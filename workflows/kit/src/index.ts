export * from './canonical-json';
export * from './decider-spec';
export * from './guard-failure';
export * from './refusal';
export * from './workflow';
