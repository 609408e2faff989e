import { Command } from '@nestjs/cqrs';
import type { Actor } from '@ltc/engine';
import { ApiProperty } from '@nestjs/swagger';

export type SweepResult = Readonly<{
  at: string;
  idleDays: number;
  returned: readonly string[];
  skipped: readonly string[];
  failed: readonly string[];
}>;

export class SweepResultDto {
  @ApiProperty({ description: 'the instant the sweep judged idleness at' })
  at!: string;
  @ApiProperty()
  idleDays!: number;
  @ApiProperty({ type: [String], description: 'customers returned to the public pool' })
  returned!: string[];
  @ApiProperty({
    type: [String],
    description:
      'customers the index thought idle but whose own stream refused (touched or released meanwhile)',
  })
  skipped!: string[];
  @ApiProperty({ type: [String], description: 'customers whose return failed for another reason (logged)' })
  failed!: string[];
}

/** Return every customer idle for longer than the policy's `idleDays` to the public pool (温控). */
export class SweepIdleCustomersCommand extends Command<SweepResult> {
  constructor(readonly actor: Actor) {
    super();
  }
}
