import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** The largest offset a page may start at: beyond it a number is no longer an exact integer. */
export const MAX_OFFSET = Number.MAX_SAFE_INTEGER;

/** A page size query parameter: an integer from 1 to `max`, `fallback` when absent. */
export function PageLimit(fallback: number, max: number): PropertyDecorator {
  return (target, key) => {
    ApiPropertyOptional({ type: 'integer', default: fallback, minimum: 1, maximum: max })(target, key);
    IsOptional()(target, key);
    Type(() => Number)(target, key);
    IsInt()(target, key);
    Min(1)(target, key);
    Max(max)(target, key);
  };
}

/** An offset query parameter: an integer from 0 to `MAX_OFFSET` (a larger one is 400, not a store error). */
export function PageOffset(description?: string): PropertyDecorator {
  return (target, key) => {
    ApiPropertyOptional({
      type: 'integer',
      default: 0,
      minimum: 0,
      maximum: MAX_OFFSET,
      ...(description === undefined ? {} : { description }),
    })(target, key);
    IsOptional()(target, key);
    Type(() => Number)(target, key);
    IsInt()(target, key);
    Min(0)(target, key);
    Max(MAX_OFFSET)(target, key);
  };
}
