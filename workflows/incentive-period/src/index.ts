export * from './incentive-period.commands';
export * from './incentive-period.events';
export * from './incentive-period.stream';
