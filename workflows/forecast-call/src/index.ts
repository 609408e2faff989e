export * from './forecast-call.commands';
export * from './forecast-call.context';
export * from './forecast-call.events';
export * from './forecast-call.line';
export * from './forecast-call.machine';
export * from './forecast-call.workflow';
