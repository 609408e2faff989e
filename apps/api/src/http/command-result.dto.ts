import { ApiProperty } from '@nestjs/swagger';

export class ResultEventDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ example: 'LeadQualified' })
  type!: string;
  @ApiProperty({ type: 'object', additionalProperties: true })
  data!: Record<string, unknown>;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'actor, commandId, occurredAt, ...',
  })
  metadata!: Record<string, unknown>;
  @ApiProperty({ example: 3 })
  revision!: number;
}

/** What every accepted command answers: the events it appended and where the deal stands now. */
export class CommandResultDto {
  @ApiProperty({ example: 'lead-7f3a' })
  streamId!: string;
  @ApiProperty({
    example: '7f3a',
    description: 'the id of the deal, lead or customer',
  })
  id!: string;
  @ApiProperty({ example: 3, description: 'revision of the last event appended' })
  revision!: number;
  @ApiProperty({ type: [ResultEventDto] })
  events!: ResultEventDto[];
  @ApiProperty({ example: 'qualified' })
  state!: string;
  @ApiProperty({ type: [String], example: ['ConvertLead', 'DisqualifyLead'] })
  allowed!: string[];
  @ApiProperty({
    description: 'true when this Idempotency-Key had already been applied: nothing new was appended',
  })
  duplicate!: boolean;
}
