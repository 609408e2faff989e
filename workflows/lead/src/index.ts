export * from './lead.commands';
export * from './lead.context';
export * from './lead.events';
export * from './lead.guards';
export * from './lead.machine';
export * from './lead.policy';
export * from './lead.values';
export * from './lead.workflow';
