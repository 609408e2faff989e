import { applyDecorators, Header, Injectable, type PipeTransform } from '@nestjs/common';
import { ApiOkResponse, ApiParam, ApiProduces } from '@nestjs/swagger';
import { contractStream, customerStream, leadStream, opportunityStream, type StreamIds } from '@ltc/domain';
import { exportTimeline } from '@ltc/read-models';
import type { Response } from 'express';
import { InvalidInputException } from '../http/validation';
import { STREAM_ID_PATTERN } from './stream-id.pipe';

// The path parameters of the audit routes (a stream id, or a deal's kind and id as its own routes name
// them) and the file their exports answer with.

export const StreamParam = () =>
  ApiParam({
    name: 'stream',
    example: 'opportunity-7f3a',
    schema: { type: 'string', pattern: STREAM_ID_PATTERN.source },
  });

/** The kinds of deal as the command routes name them, and their streams. */
export const KINDS: Readonly<Record<string, StreamIds>> = {
  leads: leadStream,
  opportunities: opportunityStream,
  contracts: contractStream,
  customers: customerStream,
};

/** `opportunities` (a kind as the command routes name it) to its stream ids; anything else is 400. */
@Injectable()
export class KindPipe implements PipeTransform<string, StreamIds> {
  transform(value: string): StreamIds {
    const ids = KINDS[value];
    if (ids === undefined || !Object.hasOwn(KINDS, value)) {
      throw new InvalidInputException([
        { field: 'kind', messages: [`kind must be one of ${Object.keys(KINDS).join(', ')}`] },
      ]);
    }
    return ids;
  }
}

export const KindParams = (): MethodDecorator => (target, key, descriptor) => {
  ApiParam({ name: 'kind', enum: Object.keys(KINDS), description: 'the kind of deal, as in its own routes' })(
    target,
    key,
    descriptor,
  );
  ApiParam({ name: 'id', example: '7f3a', description: 'the id of the deal, as in its own routes' })(
    target,
    key,
    descriptor,
  );
};

/** An export's OpenAPI answer and headers: a JSON or CSV file, never cached. */
export const ApiTimelineFile = () =>
  applyDecorators(
    ApiProduces('application/json', 'text/csv'),
    ApiOkResponse({ description: 'the file', schema: { type: 'string' } }),
    Header('cache-control', 'no-store'),
  );

/** Sends a timeline as the file `<stream>.<format>`. */
export function sendTimelineFile(
  res: Response,
  stream: string,
  entries: Parameters<typeof exportTimeline>[1],
  format: Parameters<typeof exportTimeline>[2],
): void {
  res
    .status(200)
    .type(format === 'csv' ? 'text/csv' : 'application/json')
    .attachment(`${stream}.${format}`)
    .send(exportTimeline(stream, entries, format));
}
