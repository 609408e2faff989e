export * from './incentive-period.commands';
export * from './incentive-period.events';
export * from './incentive-period.machine';
export * from './incentive-period.stream';
export * from './incentive-period.workflow';
