import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RISK_SEVERITIES, type RiskSeverity } from '@ltc/workflow-contract';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ID_PATTERN } from '../../http/common.dto';

const id = (example: string, description?: string) =>
  ApiProperty({ example, pattern: ID_PATTERN.source, ...(description ? { description } : {}) });

const text = (example: string, maxLength = 2000) => ApiProperty({ example, maxLength });

const optionalText = (maxLength = 2000) => ApiPropertyOptional({ maxLength });

export class RaiseRiskDto {
  @id('r-1')
  @Matches(ID_PATTERN)
  riskId!: string;

  @text('site not ready', 500)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title!: string;

  @ApiProperty({ enum: RISK_SEVERITIES })
  @IsIn(RISK_SEVERITIES)
  severity!: RiskSeverity;

  @optionalText()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class ResolveRiskDto {
  @id('r-1')
  @Matches(ID_PATTERN)
  riskId!: string;

  @text('customer finished the site work')
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  resolution!: string;
}
