import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LIMITS } from '@ltc/workflow-kit';
import { ORG_ROLES, type OrgRole } from '@ltc/workflow-person';
import {
  ArrayMinSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { ID_PATTERN } from '../../http/common.dto';

/** `orgRoles`, or one `orgRole`: the roles a person holds in the organisation. */
class OrgRolesDto {
  @ApiPropertyOptional({ enum: ORG_ROLES, isArray: true, example: ['rep'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(ORG_ROLES, { each: true })
  orgRoles?: OrgRole[];

  @ApiPropertyOptional({ enum: ORG_ROLES, description: 'one role (instead of orgRoles)' })
  @IsOptional()
  @IsIn(ORG_ROLES)
  orgRole?: OrgRole;
}

export class JoinPersonDto extends OrgRolesDto {
  @ApiProperty({
    example: 'ann',
    pattern: ID_PATTERN.source,
    description: 'the person id (stream person-<id>)',
  })
  @Matches(ID_PATTERN)
  personId!: string;

  @ApiProperty({ example: 'Ann Lee', maxLength: LIMITS.label })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.label)
  name!: string;

  @ApiProperty({ example: 'east', maxLength: LIMITS.label })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.label)
  team!: string;

  @ApiPropertyOptional({ example: 'bob', pattern: ID_PATTERN.source, nullable: true })
  @IsOptional()
  @Matches(ID_PATTERN)
  manager?: string | null;
}

export class MovePersonToTeamDto {
  @ApiProperty({ example: 'west', maxLength: LIMITS.label })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.label)
  team!: string;

  @ApiPropertyOptional({ maxLength: LIMITS.prose })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.prose)
  reason?: string;
}

export class ChangePersonManagerDto {
  @ApiProperty({
    example: 'wes',
    pattern: ID_PATTERN.source,
    nullable: true,
    description: 'null: no manager',
  })
  @ValidateIf((dto: ChangePersonManagerDto) => dto.manager !== null)
  @Matches(ID_PATTERN)
  manager!: string | null;

  @ApiPropertyOptional({ maxLength: LIMITS.prose })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.prose)
  reason?: string;
}

export class ChangePersonOrgRoleDto extends OrgRolesDto {
  @ApiPropertyOptional({ maxLength: LIMITS.prose })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.prose)
  reason?: string;
}

export class RecordPersonLeftDto {
  @ApiPropertyOptional({ maxLength: LIMITS.prose })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.prose)
  reason?: string;
}
