import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

const optionalText = (maxLength = 2000) => ApiPropertyOptional({ maxLength });

export class CloseContractDto {
  @optionalText()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
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
  @MaxLength(2000)
  note?: string;
}
