import { Injectable, type PipeTransform } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { contractStream, customerStream, leadStream, opportunityStream, type StreamIds } from '@ltc/domain';
import { InvalidInputException } from '../http/validation';
import { STREAM_ID_PATTERN } from './stream-id.pipe';

// The path parameters of the audit routes: a stream id, or a deal's kind and id as its own routes name them.

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
