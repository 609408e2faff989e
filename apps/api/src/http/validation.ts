import {
  type ArgumentMetadata,
  BadRequestException,
  ValidationPipe,
  type ValidationError,
} from '@nestjs/common';
import type { FieldError } from './error-body';
import { inputShapeErrors } from './input-shape';

/** Flattens nested class-validator errors to one entry per field path, so a client sees every problem. */
export function fieldErrors(errors: readonly ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent === '' ? error.property : `${parent}.${error.property}`;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...fieldErrors(error.children ?? [], field)];
  });
}

/** The class thrown for invalid input; the error filter renders it as 400 INVALID_INPUT. */
export class InvalidInputException extends BadRequestException {
  constructor(readonly fields: FieldError[]) {
    super(`invalid input: ${fields.map((f) => f.field).join(', ')}`);
  }
}

/** Refuses what class-transformer must never see (see `inputShapeErrors`), then validates as usual. */
class ShapeCheckingValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const errors = metadata.type === 'custom' ? [] : inputShapeErrors(value);
    if (errors.length > 0) return Promise.reject(new InvalidInputException(errors));
    return super.transform(value, metadata) as Promise<unknown>;
  }
}

/** Whitelist, refuse unknown fields, transform to DTO classes; never a partial command. */
export function validationPipe(): ValidationPipe {
  return new ShapeCheckingValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new InvalidInputException(fieldErrors(errors)),
  });
}
