import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ORG_ROLES, type OrgMember, type OrgRole } from '@ltc/workflow-person';
import { IsISO8601, IsOptional } from 'class-validator';
import type { Documents } from '../../read-models/report-shape';

export class PersonDto {
  @ApiProperty({ example: 'ann' })
  id!: string;

  @ApiProperty({ example: 'Ann Lee' })
  name!: string;

  @ApiProperty({ enum: ORG_ROLES, isArray: true })
  orgRoles!: OrgRole[];

  @ApiProperty({ example: 'east' })
  team!: string;

  @ApiProperty({ type: String, nullable: true, example: 'bob' })
  manager!: string | null;
}

export class PeopleDto {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'the business instant asked for; null: as it stands',
  })
  asOf!: string | null;

  @ApiProperty({ type: [PersonDto] })
  people!: PersonDto[];
}

export class PeopleQueryDto {
  @ApiPropertyOptional({ description: 'the organisation at this business instant (ISO-8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;
}

/** The DTO documents the timeline's member exactly: typecheck fails once they drift. */
const _person: Documents<PersonDto, OrgMember> = true;
