import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** A page size query parameter: an integer from 1 to `max`, `fallback` when absent. */
export function PageLimit(fallback: number, max: number): PropertyDecorator {
  return (target, key) => {
    ApiPropertyOptional({ default: fallback, minimum: 1, maximum: max })(target, key);
    IsOptional()(target, key);
    Type(() => Number)(target, key);
    IsInt()(target, key);
    Min(1)(target, key);
    Max(max)(target, key);
  };
}

/** An offset query parameter: an integer from 0. */
export function PageOffset(): PropertyDecorator {
  return (target, key) => {
    ApiPropertyOptional({ default: 0, minimum: 0 })(target, key);
    IsOptional()(target, key);
    Type(() => Number)(target, key);
    IsInt()(target, key);
    Min(0)(target, key);
  };
}
