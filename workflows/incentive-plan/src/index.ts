export * from './incentive-plan.commands';
export * from './incentive-plan.events';
export * from './incentive-plan.values';
