import { ApiProperty } from '@nestjs/swagger';
import { COMMAND_NAMES, STATE_NAMES } from './vocabulary';

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
  @ApiProperty({ example: 'qualified', enum: STATE_NAMES, enumName: 'StateName' })
  state!: string;
  @ApiProperty({
    enum: COMMAND_NAMES,
    enumName: 'CommandName',
    isArray: true,
    example: ['ConvertLead', 'DisqualifyLead'],
  })
  allowed!: string[];
  @ApiProperty({
    description: 'true when this Idempotency-Key had already been applied: nothing new was appended',
  })
  duplicate!: boolean;
}
