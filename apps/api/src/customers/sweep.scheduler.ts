import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { MAX_TIMER_MS } from '@ltc/config';
import { SYSTEM_ACTOR } from '../access/access.service';
import { APP_CONFIG } from '../app-config.token';
import type { AppConfig } from '../config';
import { SweepIdleCustomersCommand } from './sweep.command';

/** Runs the idle-customer sweep every `SWEEP_INTERVAL_MINUTES` (0 turns it off). */
@Injectable()
export class SweepScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Sweep');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly commands: CommandBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const minutes = this.config.sweepIntervalMinutes;
    if (minutes <= 0) return;
    const ms = minutes * 60_000;
    // A longer delay than a timer holds fires after 1 ms: the sweep would run without pause.
    if (!(ms <= MAX_TIMER_MS)) {
      throw new RangeError(
        `SWEEP_INTERVAL_MINUTES=${minutes} is longer than a timer can wait (${MAX_TIMER_MS} ms)`,
      );
    }
    this.timer = setInterval(() => void this.run(), ms);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
  }

  private async run(): Promise<void> {
    try {
      const result = await this.commands.execute(new SweepIdleCustomersCommand(SYSTEM_ACTOR));
      if (result.returned.length > 0)
        this.logger.log(`returned ${result.returned.join(', ')} to the public pool`);
    } catch (error) {
      this.logger.error(`sweep failed: ${String(error)}`);
    }
  }
}
