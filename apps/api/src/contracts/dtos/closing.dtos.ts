import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { LIMITS } from '@ltc/workflow-kit';

const optionalText = (maxLength: number = LIMITS.prose) => ApiPropertyOptional({ maxLength });

export class CloseContractDto {
  @optionalText()
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.prose)
  note?: string;
}

export class EvaluateContractDto {
  @ApiProperty({ example: 4, minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  customerSatisfaction!: number;

  @ApiProperty()
  @IsBoolean()
  successCriteriaMet!: boolean;

  @optionalText()
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.prose)
  note?: string;
}
