import { personAccess } from '@ltc/access';
import type { CommandRequest } from '@ltc/engine';
import type { PersonCommand, personWorkflow } from '@ltc/workflow-person';
import type { SnapshotFrom } from 'xstate';
import type { AccessService } from '../access/access.service';

type PersonState = SnapshotFrom<(typeof personWorkflow)['machine']>;

/** The person rules of `@ltc/access` (`personAccess`), fed and enforced by the api. */
export function authorizePerson(
  access: AccessService,
  { actor, command }: CommandRequest<PersonCommand>,
  state: PersonState,
): Promise<void> {
  return access.authorize(personAccess, actor, command, state.context);
}
