import { PageLimit, PageOffset } from '../http/paging';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ID_PATTERN } from '../http/common.dto';
import { COMMAND_NAMES, STATE_NAMES } from '../http/vocabulary';
import { AsOfQueryDto } from '../read-models/read-model.request.dtos';
import { MomentDto } from '../read-models/read-model.response.dtos';

/** A page of a stream's events; with `asOf` / `knownAt`, only those of that moment. */
export class HistoryQueryDto extends AsOfQueryDto {
  @PageOffset('first revision to return')
  from = 0;

  @PageLimit(100, 1000)
  limit = 100;
}

export class ListQueryDto {
  @ApiPropertyOptional({ description: 'state name or its prefix, e.g. `negotiation` or `gate`' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  state?: string;

  @ApiPropertyOptional({ pattern: ID_PATTERN.source })
  @IsOptional()
  @Matches(ID_PATTERN)
  customerId?: string;

  @ApiPropertyOptional({
    description: 'a user who owns it or holds a role on it',
    pattern: ID_PATTERN.source,
  })
  @IsOptional()
  @Matches(ID_PATTERN)
  person?: string;

  @PageLimit(50, 500)
  limit = 50;

  @PageOffset()
  offset = 0;
}

export class DealViewDto {
  @ApiProperty({ example: 'lead' })
  kind!: string;
  @ApiProperty()
  id!: string;
  @ApiProperty({ example: 'lead-7f3a' })
  streamId!: string;
  @ApiProperty({ example: 'qualified', enum: STATE_NAMES, enumName: 'StateName' })
  state!: string;
  @ApiProperty({ type: 'object', additionalProperties: true })
  context!: Record<string, unknown>;
  @ApiProperty()
  revision!: number;
  @ApiProperty({
    enum: COMMAND_NAMES,
    enumName: 'CommandName',
    isArray: true,
    description: 'commands the deal accepts now that this caller may send (none as of a past moment)',
  })
  allowed!: string[];
  @ApiPropertyOptional({ type: MomentDto, description: 'the moment asked for (asOf / knownAt), if any' })
  asOf?: MomentDto;
}

export class HistoryEventDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty()
  type!: string;
  @ApiProperty()
  revision!: number;
  @ApiProperty({ description: 'global position in the log' })
  position!: string;
  @ApiProperty()
  recordedAt!: string;
  @ApiProperty({ type: 'object', additionalProperties: true })
  data!: Record<string, unknown>;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'actor, roles, command, causation...',
  })
  metadata!: Record<string, unknown>;
}

export class HistoryPageDto {
  @ApiProperty({ type: [HistoryEventDto] })
  events!: HistoryEventDto[];
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'pass as `from` for the next page; null at the end',
  })
  nextFrom!: number | null;
}

export class ListPageDto {
  @ApiProperty({ type: [DealViewDto] })
  items!: DealViewDto[];
  @ApiProperty()
  total!: number;
}
