export * from './contract.commands';
export * from './contract.context';
export * from './contract.events';
export * from './contract.guards';
export * from './contract.machine';
export * from './contract.policy';
export * from './contract.values';
export * from './contract.workflow';
