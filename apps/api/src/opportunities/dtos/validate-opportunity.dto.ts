import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { LIMITS } from '@ltc/workflow-kit';

/** The unified four questions. */
export class ValidateOpportunityDto {
  @ApiProperty({ description: 'is this a real opportunity?' })
  @IsBoolean()
  isReal!: boolean;

  @ApiProperty({ description: 'does our solution match the need?' })
  @IsBoolean()
  solutionFits!: boolean;

  @ApiProperty({ example: 60, minimum: 0, maximum: 100, description: 'how likely are we to win (percent)?' })
  @IsInt()
  @Min(0)
  @Max(100)
  winProbability!: number;

  @ApiProperty({ description: 'is it worth winning?' })
  @IsBoolean()
  worthWinning!: boolean;

  @ApiProperty({ example: 'budget approved; incumbent is weak on support', maxLength: LIMITS.prose })
  @IsString()
  @MaxLength(LIMITS.prose)
  notes!: string;
}
