export * from './refusal';
export * from './workflow';
