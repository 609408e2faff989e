import { ApiProperty } from '@nestjs/swagger';
import { IsObject, IsString, Matches } from 'class-validator';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/;

/** A draft plan replayed over the history: the terms are checked whole by the plan's own validation. */
export class WhatIfDto {
  @ApiProperty({ example: 'plan-2026' })
  @IsString()
  planId!: string;

  @ApiProperty({
    description: 'draft PlanTerms (a changed split, tier table or rate): checked like a published plan',
  })
  @IsObject()
  terms!: Record<string, unknown>;

  @ApiProperty({ example: '2026-01' })
  @Matches(PERIOD, { message: 'from must be a period id such as 2026-11 or 2026-Q4' })
  from!: string;

  @ApiProperty({ example: '2026-12' })
  @Matches(PERIOD, { message: 'to must be a period id such as 2026-11 or 2026-Q4' })
  to!: string;
}
