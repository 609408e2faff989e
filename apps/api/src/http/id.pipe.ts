import { Injectable, type PipeTransform } from '@nestjs/common';
import { ID_PATTERN } from './common.dto';
import { InvalidInputException } from './validation';

/** Path ids: the same pattern as ids in bodies; anything else is 400, never a lookup. */
@Injectable()
export class IdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!ID_PATTERN.test(value)) {
      throw new InvalidInputException([{ field: 'id', messages: [`id must match ${ID_PATTERN.source}`] }]);
    }
    return value;
  }
}
