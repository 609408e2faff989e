import { join } from 'node:path';
import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '../config';
import { FileCheckpointStore, MemoryCheckpointStore } from './checkpoint.store';
import { CHECKPOINTS, DEAD_LETTERS } from './checkpoint.token';
import { FileDeadLetterStore, MemoryDeadLetterStore } from './dead-letters';
import { DeadLettersController } from './dead-letters.controller';
import { LtcReactions } from './ltc.reactions';
import { ProcessManagers } from './process-managers.service';

@Module({})
export class ProcessManagersModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ProcessManagersModule,
      // The importer runs the reactions after each line, so they land before the next one.
      global: true,
      controllers: [DeadLettersController],
      providers: [
        {
          provide: CHECKPOINTS,
          useValue:
            config.eventStore === 'memory'
              ? new MemoryCheckpointStore()
              : new FileCheckpointStore(
                  join(config.dataDir, 'checkpoints', `process-managers.${config.eventStore}.json`),
                ),
        },
        {
          provide: DEAD_LETTERS,
          useFactory: () =>
            config.eventStore === 'memory'
              ? new MemoryDeadLetterStore()
              : new FileDeadLetterStore(
                  join(
                    config.dataDir,
                    'checkpoints',
                    `process-managers.${config.eventStore}.dead-letters.json`,
                  ),
                ),
        },
        LtcReactions,
        ProcessManagers,
      ],
      exports: [ProcessManagers],
    };
  }
}
