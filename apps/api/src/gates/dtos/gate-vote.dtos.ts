import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IRON_TRIANGLE_ROLES, type IronTriangleRole } from '@ltc/domain';
import type { GateDecision } from '@ltc/workflow-gates';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { LIMITS } from '@ltc/workflow-kit';

export const GATE_DECISIONS = ['approve', 'reject'] as const satisfies readonly GateDecision[];

/** The body of RequestGateReview: the gate is in the path, so it carries nothing. */
export class RequestGateReviewDto {}

export class CastGateVoteDto {
  @ApiProperty({ enum: IRON_TRIANGLE_ROLES, description: 'the role the caller votes as; they must hold it' })
  @IsIn(IRON_TRIANGLE_ROLES)
  role!: IronTriangleRole;

  @ApiProperty({ enum: GATE_DECISIONS })
  @IsIn(GATE_DECISIONS)
  decision!: GateDecision;

  @ApiPropertyOptional({
    example: 'delivery plan lacks a site survey',
    maxLength: LIMITS.prose,
    description: 'required to reject',
  })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.prose)
  reason?: string;
}
