import { applyDecorators, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CommandResultDto } from './command-result.dto';
import { ErrorBody } from './error-body';

/**
 * One documented command operation: POST, 200 with the result, and every error status a command can
 * answer, so a generated client knows them all. `operationId` defaults to the command's name in lower camel case.
 */
export function ApiCommand(
  path: string,
  commandType: string,
  summary: string,
  operationId = commandType.charAt(0).toLowerCase() + commandType.slice(1),
): MethodDecorator {
  return applyDecorators(
    Post(path),
    HttpCode(200),
    ApiOperation({ operationId, summary: `${commandType}: ${summary}` }),
    ApiBearerAuth(),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'the command id; sending the same key again returns the first result and appends nothing',
    }),
    ApiHeader({
      name: 'X-Correlation-Id',
      required: false,
      description: 'groups the events of one business flow',
    }),
    ApiHeader({
      name: 'X-Occurred-At',
      required: false,
      description:
        'business time of the fact (ISO-8601 instant), for a late entry; default now, or the fact date the ' +
        'body carries (signedAt, receivedOn, touchedAt), which it must agree with. Refused in the future ' +
        "beyond the skew, before the stream's previous event, or further back than the window for reps " +
        'and managers (ops and admin have none)',
    }),
    ApiOkResponse({ type: CommandResultDto, description: 'accepted: the events appended and the new state' }),
    ApiBadRequestResponse({
      type: ErrorBody,
      description: 'invalid input, with every field error; a malformed, future or disagreeing X-Occurred-At',
    }),
    ApiUnauthorizedResponse({ type: ErrorBody, description: 'no or unknown API key' }),
    ApiForbiddenResponse({
      type: ErrorBody,
      description: 'this actor may not send this command, or back-date it this far; names the rule',
    }),
    ApiNotFoundResponse({ type: ErrorBody, description: 'no such deal' }),
    ApiConflictResponse({
      type: ErrorBody,
      description:
        'refused by the workflow (state, rule, allowed commands), a business time before the stream, ' +
        'a version conflict, or a reused key',
    }),
  );
}
