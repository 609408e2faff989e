export * from './exchange-rates.commands';
export * from './exchange-rates.events';
export * from './exchange-rates.machine';
export * from './exchange-rates.workflow';
