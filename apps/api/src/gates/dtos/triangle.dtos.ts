import { ApiProperty } from '@nestjs/swagger';
import { IRON_TRIANGLE_ROLES, type IronTriangleRole } from '@ltc/domain';
import { IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { ID_PATTERN, Nested } from '../../http/common.dto';
import { LIMITS } from '@ltc/workflow-kit';

/** The user holding each role on one deal. */
export class IronTriangleDto {
  @ApiProperty({ example: 'ann', pattern: ID_PATTERN.source, description: 'account responsible' })
  @Matches(ID_PATTERN)
  AR!: string;

  @ApiProperty({ example: 'sam', pattern: ID_PATTERN.source, description: 'solution responsible' })
  @Matches(ID_PATTERN)
  SR!: string;

  @ApiProperty({ example: 'fay', pattern: ID_PATTERN.source, description: 'fulfillment responsible' })
  @Matches(ID_PATTERN)
  FR!: string;
}

export class AssignIronTriangleDto {
  @ApiProperty({ type: IronTriangleDto })
  @Nested(() => IronTriangleDto)
  triangle!: IronTriangleDto;
}

export class ReassignIronTriangleRoleDto {
  @ApiProperty({ enum: IRON_TRIANGLE_ROLES })
  @IsIn(IRON_TRIANGLE_ROLES)
  role!: IronTriangleRole;

  @ApiProperty({ example: 'sam', pattern: ID_PATTERN.source, description: 'the new holder' })
  @Matches(ID_PATTERN)
  to!: string;

  @ApiProperty({ example: 'Fay moved to the north region', maxLength: LIMITS.prose })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.prose)
  reason!: string;
}
