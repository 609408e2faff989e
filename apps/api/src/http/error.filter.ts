import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import { DomainError } from '@ltc/domain';
import { CommandRefusedError } from '@ltc/workflow-kit';
import type { Response } from 'express';
import type { ErrorBody } from './error-body';
import { InvalidInputException } from './validation';

/** Domain error codes and their HTTP status: the one place where errors become answers. */
const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  INVALID_COMMAND: HttpStatus.BAD_REQUEST,
  INVALID_VALUE: HttpStatus.BAD_REQUEST,
  INVALID_EVENT: HttpStatus.BAD_REQUEST,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  STREAM_NOT_FOUND: HttpStatus.NOT_FOUND,
  COMMAND_REFUSED: HttpStatus.CONFLICT,
  CONCURRENCY: HttpStatus.CONFLICT,
  IDEMPOTENCY_KEY_REUSED: HttpStatus.CONFLICT,
  DUPLICATE_EVENT_ID: HttpStatus.CONFLICT,
  PROJECTION_NOT_READY: HttpStatus.SERVICE_UNAVAILABLE,
  OCCURRED_AT_IN_FUTURE: HttpStatus.BAD_REQUEST,
  OCCURRED_AT_DISAGREES: HttpStatus.BAD_REQUEST,
  OCCURRED_AT_BEFORE_STREAM: HttpStatus.CONFLICT,
  OCCURRED_AT_BEYOND_WINDOW: HttpStatus.FORBIDDEN,
  // The store was changed by hand (a stream's last events deleted): not the caller's doing.
  STREAM_HEAD_MISMATCH: HttpStatus.INTERNAL_SERVER_ERROR,
};

const CODE_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'INVALID_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
};

/** Every `code` an error answer can carry: the OpenAPI enum of `ErrorBody.code`. */
export const ERROR_CODES: readonly string[] = [
  ...new Set([
    ...Object.keys(STATUS_BY_CODE),
    ...Object.values(CODE_BY_STATUS),
    'MALFORMED_JSON',
    'HTTP_ERROR',
    'INTERNAL',
    'TOO_MANY_REQUESTS',
  ]),
].sort();

export function errorBody(exception: unknown): ErrorBody {
  if (exception instanceof InvalidInputException) {
    return { statusCode: 400, code: 'INVALID_INPUT', message: exception.message, errors: exception.fields };
  }
  if (exception instanceof CommandRefusedError) {
    const { state, rule, allowed } = exception.refusal;
    return {
      statusCode: 409,
      code: exception.code,
      message: exception.message,
      state,
      rule,
      allowed: [...allowed],
    };
  }
  if (exception instanceof DomainError) {
    const statusCode = STATUS_BY_CODE[exception.code] ?? HttpStatus.INTERNAL_SERVER_ERROR;
    const rule = (exception as { rule?: unknown }).rule;
    return {
      statusCode,
      code: exception.code,
      message: exception.message,
      ...(typeof rule === 'string' ? { rule } : {}),
    };
  }
  if (exception instanceof HttpException) {
    const statusCode = exception.getStatus();
    // Nest maps body-parser's SyntaxError (malformed JSON) to a 400 that keeps it as the cause.
    if (exception.cause instanceof SyntaxError) {
      return {
        statusCode,
        code: 'MALFORMED_JSON',
        message: `malformed JSON body: ${exception.cause.message}`,
      };
    }
    const response = exception.getResponse();
    const message =
      typeof response === 'object' && response !== null && 'message' in response
        ? String(response.message)
        : exception.message;
    return { statusCode, code: CODE_BY_STATUS[statusCode] ?? 'HTTP_ERROR', message };
  }
  // express/body-parser errors (malformed JSON, too large) carry their own 4xx status.
  const status = (exception as { status?: unknown; type?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const type = (exception as { type?: unknown }).type;
    const code = type === 'entity.parse.failed' ? 'MALFORMED_JSON' : (CODE_BY_STATUS[status] ?? 'HTTP_ERROR');
    return {
      statusCode: status,
      code,
      message: exception instanceof Error ? exception.message : 'bad request',
    };
  }
  return { statusCode: 500, code: 'INTERNAL', message: 'internal error; the request was not applied' };
}

@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const body = errorBody(exception);
    if (body.statusCode >= 500)
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    host.switchToHttp().getResponse<Response>().status(body.statusCode).json(body);
  }
}
