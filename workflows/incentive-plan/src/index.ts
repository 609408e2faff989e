export * from './incentive-plan.commands';
export * from './incentive-plan.context';
export * from './incentive-plan.events';
export * from './incentive-plan.guards';
export * from './incentive-plan.machine';
export * from './incentive-plan.values';
export * from './incentive-plan.workflow';
