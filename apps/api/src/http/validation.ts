import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from './error-body';

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

/** Whitelist, refuse unknown fields, transform to DTO classes; never a partial command. */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new InvalidInputException(fieldErrors(errors)),
  });
}
