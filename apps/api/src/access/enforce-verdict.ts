import type { Verdict } from '@ltc/access';
import { ForbiddenError } from '@ltc/engine';
import { InvalidCommandError } from '@ltc/workflow-kit';

/** A rule's answer as the api gives it: a refusal is a ForbiddenError (403), bad input a 400. */
export function enforce(verdict: Verdict): void {
  switch (verdict.kind) {
    case 'allowed':
      return;
    case 'refused':
      throw new ForbiddenError(verdict.rule, verdict.reason);
    case 'invalid':
      throw new InvalidCommandError(verdict.command, verdict.field, verdict.reason);
    case 'needsCustomer':
      throw new Error(`access rule still needs customer ${verdict.customerId} after it was read`);
    default: {
      const unknown: never = verdict;
      throw new Error(`unknown verdict ${JSON.stringify(unknown)}`);
    }
  }
}
