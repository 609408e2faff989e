export * from './opportunity.commands';
export * from './opportunity.context';
export * from './opportunity.events';
export * from './opportunity.guards';
export * from './opportunity.machine';
export * from './opportunity.policy';
export * from './opportunity.values';
export * from './opportunity.workflow';
