import {
  InvalidCommandError,
  defineWorkflow,
  optionalText,
  requireInstant,
  requireInteger,
  requireOneOf,
  requireText,
  type DecisionContext,
  LIMITS,
  requireId,
} from '@ltc/workflow-kit';
import type { SnapshotFrom } from 'xstate';
import type { CustomerCommand } from './customer.commands';
import type { CustomerReturnedToPublicPool } from './customer.events';
import { customerRefusalTexts, lastActivityAt } from './customer.guards';
import { customerMachine } from './customer.machine';
import type { CustomerPolicy } from './customer.policy';
import { addDays } from './customer.time';
import {
  CUSTOMER_SEGMENTS,
  STORED_TOUCH_CHANNELS,
  RETURN_REASON_KINDS,
  type ReturnReason,
} from './customer.values';

type State = SnapshotFrom<typeof customerMachine>;

const count = (command: string, value: unknown): number =>
  requireInteger(command, 'ownedCount', value, 0, Number.MAX_SAFE_INTEGER);

// Only states with an owner accept these events; `''` never reaches the log because the machine refuses it.
const currentOwner = (state: State): string => state.context.owner ?? '';

function returned(
  state: State,
  ctx: DecisionContext<CustomerPolicy>,
  reason: ReturnReason,
): CustomerReturnedToPublicPool {
  const days = ctx.policy.reclaimCooldownDays;
  return {
    type: 'CustomerReturnedToPublicPool',
    data: {
      previousOwner: currentOwner(state),
      reason,
      by: ctx.actor,
      returnedAt: ctx.at,
      reclaimCooldownDays: days,
      // Decided here from the command's time, stored, and only compared during replay.
      cooldownUntil: addDays(ctx.at, days),
    },
  };
}

function returnReason(
  command: string,
  kind: unknown,
  note: unknown,
  state: State,
  ctx: DecisionContext<CustomerPolicy>,
): ReturnReason {
  const checked = requireOneOf(command, 'reason', kind, RETURN_REASON_KINDS);
  switch (checked) {
    case 'idle':
      return {
        kind: 'idle',
        idleDays: ctx.policy.idleDays,
        idleSince: lastActivityAt(state.context) ?? ctx.at,
      };
    case 'released':
      return { kind: 'released', note: optionalText(command, 'note', note, LIMITS.prose) || null };
    case 'manager':
      return { kind: 'manager', note: requireText(command, 'note', note, LIMITS.prose) };
    default: {
      const never: never = checked;
      throw new InvalidCommandError(command, 'reason', `unknown reason ${String(never)}`);
    }
  }
}

/**
 * The customer-pool decider. Cross-stream facts (the claimant's pool size) come in the command; policy
 * (pool capacity, cooldown, idle days) comes from the decision context; both are recorded in the events.
 */
export const customerWorkflow = defineWorkflow<typeof customerMachine, CustomerCommand, CustomerPolicy>({
  name: 'customer',
  version: 1,
  machine: customerMachine,
  refusalTexts: customerRefusalTexts,
  commands: {
    RegisterCustomer: {
      produces: 'CustomerRegistered',
      build: ({ type, data }) => ({
        type: 'CustomerRegistered',
        data: {
          name: requireText(type, 'name', data.name, LIMITS.customerName),
          segment: requireOneOf(type, 'segment', data.segment, CUSTOMER_SEGMENTS),
        },
      }),
    },
    ClaimCustomer: {
      produces: 'CustomerClaimed',
      build: ({ type, data }, _state, ctx) => ({
        type: 'CustomerClaimed',
        data: {
          owner: data.owner === undefined ? ctx.actor : requireId(type, 'owner', data.owner),
          ownedCount: count(type, data.ownedCount),
          poolCapacity: ctx.policy.poolCapacity,
          claimedAt: ctx.at,
        },
      }),
    },
    TransferCustomer: {
      produces: 'CustomerTransferred',
      build: ({ type, data }, state, ctx) => ({
        type: 'CustomerTransferred',
        data: {
          owner: requireId(type, 'owner', data.owner),
          previousOwner: currentOwner(state),
          ownedCount: count(type, data.ownedCount),
          poolCapacity: ctx.policy.poolCapacity,
          reason: requireText(type, 'reason', data.reason, LIMITS.prose),
          transferredAt: ctx.at,
        },
      }),
    },
    RecordCustomerTouch: {
      produces: 'CustomerTouchRecorded',
      build: ({ type, data }, _state, ctx) => {
        const touchedAt = requireInstant(type, 'touchedAt', data.touchedAt);
        if (Date.parse(touchedAt) > Date.parse(ctx.at)) {
          throw new InvalidCommandError(type, 'touchedAt', 'must not be later than the command');
        }
        return {
          type: 'CustomerTouchRecorded',
          data: {
            channel: requireOneOf(type, 'channel', data.channel, STORED_TOUCH_CHANNELS),
            note: requireText(type, 'note', data.note, LIMITS.prose),
            touchedAt,
            by: ctx.actor,
          },
        };
      },
    },
    ReleaseCustomer: {
      produces: 'CustomerReturnedToPublicPool',
      build: ({ type, data }, state, ctx) =>
        returned(state, ctx, returnReason(type, 'released', data.note, state, ctx)),
    },
    ReturnCustomerToPublicPool: {
      produces: 'CustomerReturnedToPublicPool',
      build: ({ type, data }, state, ctx) =>
        returned(state, ctx, returnReason(type, data.reason, data.note, state, ctx)),
    },
    ChangeCustomerSegment: {
      produces: 'CustomerSegmentChanged',
      build: ({ type, data }) => ({
        type: 'CustomerSegmentChanged',
        data: {
          segment: requireOneOf(type, 'segment', data.segment, CUSTOMER_SEGMENTS),
          reason: requireText(type, 'reason', data.reason, LIMITS.prose),
        },
      }),
    },
  },
});
