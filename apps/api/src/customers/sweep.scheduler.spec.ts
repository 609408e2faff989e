import type { CommandBus } from '@nestjs/cqrs';
import { loadConfig, type AppConfig } from '../config';
import { SweepScheduler } from './sweep.scheduler';

describe('SweepScheduler', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function scheduler(config: AppConfig) {
    const execute = jest.fn(() => Promise.resolve({ returned: [] }));
    return { execute, scheduler: new SweepScheduler({ execute } as unknown as CommandBus, config) };
  }

  it('sweeps once per interval, even at the longest interval a timer holds', () => {
    const { execute, scheduler: s } = scheduler(loadConfig({ SWEEP_INTERVAL_MINUTES: '35791' }));
    s.onApplicationBootstrap();
    jest.advanceTimersByTime(35_790 * 60_000);
    expect(execute).not.toHaveBeenCalled();
    jest.advanceTimersByTime(60_000);
    expect(execute).toHaveBeenCalledTimes(1);
    s.onModuleDestroy();
  });

  it('refuses an interval a timer cannot hold instead of sweeping every millisecond', () => {
    const config = { ...loadConfig({}), sweepIntervalMinutes: 40_000 };
    const { execute, scheduler: s } = scheduler(config);
    expect(() => s.onApplicationBootstrap()).toThrow(/longer than a timer can wait \(2147483647 ms\)/);
    jest.advanceTimersByTime(1_000);
    expect(execute).not.toHaveBeenCalled();
  });

  it('does not schedule at 0', () => {
    const { execute, scheduler: s } = scheduler(loadConfig({ SWEEP_INTERVAL_MINUTES: '0' }));
    s.onApplicationBootstrap();
    jest.advanceTimersByTime(10 * 86_400_000);
    expect(execute).not.toHaveBeenCalled();
  });
});
