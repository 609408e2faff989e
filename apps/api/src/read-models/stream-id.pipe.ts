import { Injectable, type PipeTransform } from '@nestjs/common';
import { InvalidInputException } from '../http/validation';

/** `lead-…`, `opportunity-…`, `contract-…` or `customer-…` with an id of the usual pattern. */
export const STREAM_ID_PATTERN = /^(lead|opportunity|contract|customer)-[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

@Injectable()
export class StreamIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!STREAM_ID_PATTERN.test(value)) {
      throw new InvalidInputException([
        { field: 'stream', messages: [`stream must match ${STREAM_ID_PATTERN.source}`] },
      ]);
    }
    return value;
  }
}
