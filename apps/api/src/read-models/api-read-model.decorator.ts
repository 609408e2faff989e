import { applyDecorators, Get, type Type } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ErrorBody } from '../http/error-body';

/** A GET on a read model: bearer auth, the answer's type, and the errors every read model can give. */
export function ApiReadModel(path: string, operationId: string, summary: string, type: Type | [Type]) {
  return applyDecorators(
    Get(path),
    ApiOperation({ operationId, summary }),
    ApiBearerAuth(),
    ApiOkResponse({ type }),
    ApiBadRequestResponse({ type: ErrorBody, description: 'invalid query parameters' }),
    ApiUnauthorizedResponse({ type: ErrorBody }),
    ApiServiceUnavailableResponse({
      type: ErrorBody,
      description: 'PROJECTION_NOT_READY: the read model is still being built',
    }),
  );
}
