import { Injectable, type PipeTransform } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import type { GateName } from '@ltc/workflow-gates';
import { InvalidInputException } from '../http/validation';

/** A gate named in a path: only the gates of this workflow; anything else is 400, never a refusal. */
@Injectable()
export class GateNamePipe implements PipeTransform<string, GateName> {
  constructor(private readonly gates: readonly GateName[]) {}

  transform(value: string): GateName {
    const gate = this.gates.find((g) => g === value);
    if (gate === undefined) {
      throw new InvalidInputException([
        { field: 'gate', messages: [`gate must be one of ${this.gates.join(', ')}`] },
      ]);
    }
    return gate;
  }
}

/** Documents the `:gate` path segment with the gates a workflow has. */
export const ApiGateParam = (gates: readonly GateName[]): MethodDecorator =>
  ApiParam({ name: 'gate', enum: gates, description: 'the review gate' });
