import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RISK_SEVERITIES, type RiskSeverity } from '@ltc/workflow-contract';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ID_PATTERN } from '../../http/common.dto';
import { LIMITS } from '@ltc/workflow-kit';

const id = (example: string, description?: string) =>
  ApiProperty({ example, pattern: ID_PATTERN.source, ...(description ? { description } : {}) });

const text = (example: string, maxLength: number = LIMITS.prose) => ApiProperty({ example, maxLength });

const optionalText = (maxLength: number = LIMITS.prose) => ApiPropertyOptional({ maxLength });

export class RaiseRiskDto {
  @id('r-1')
  @Matches(ID_PATTERN)
  riskId!: string;

  @text('site not ready', LIMITS.line)
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.line)
  title!: string;

  @ApiProperty({ enum: RISK_SEVERITIES })
  @IsIn(RISK_SEVERITIES)
  severity!: RiskSeverity;

  @optionalText()
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.prose)
  note?: string;
}

export class ResolveRiskDto {
  @id('r-1')
  @Matches(ID_PATTERN)
  riskId!: string;

  @text('customer finished the site work')
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.prose)
  resolution!: string;
}
