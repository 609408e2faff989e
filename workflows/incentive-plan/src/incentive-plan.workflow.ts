import { InvalidValueError } from '@ltc/domain';
import {
  InvalidCommandError,
  LIMITS,
  defineWorkflow,
  optionalText,
  requireId,
  requireInteger,
  requireOneOf,
  requireText,
} from '@ltc/workflow-kit';
import type { IncentivePlanCommand } from './incentive-plan.commands';
import { TARGET_BASIS_KINDS } from './incentive-plan.events';
import { incentivePlanRefusalTexts } from './incentive-plan.guards';
import { incentivePlanMachine } from './incentive-plan.machine';
import { parsePeriodId, validatePlanTerms, type PeriodId, type PlanTerms } from './incentive-plan.values';

/** The incentive plan workflow has no configuration; the type keeps its place beside the others'. */
export type IncentivePlanPolicy = Readonly<Record<string, never>>;
export const defaultIncentivePlanPolicy: IncentivePlanPolicy = {};

/** A check of the plan's values (an InvalidValueError) as a refusal of the command's field (HTTP 400). */
export function asCommandField<T>(command: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (!(error instanceof InvalidValueError)) throw error;
    throw new InvalidCommandError(command, error.field, error.message.slice(error.field.length + 1));
  }
}
const period = (command: string, field: string, value: unknown): PeriodId =>
  asCommandField(command, () => parsePeriodId(value, field).id);
const terms = (command: string, value: unknown): PlanTerms =>
  asCommandField(command, () => validatePlanTerms(value));
const reason = (command: string, value: unknown): string =>
  requireText(command, 'reason', value, LIMITS.prose);
/** Amounts of a target: whole minor units of the plan currency, up to 10^13 (100 billion in cents). */
const MAX_MINOR = 10_000_000_000_000;
const amount = (command: string, field: string, value: unknown, min: number): number =>
  requireInteger(command, field, value, min, MAX_MINOR);

/**
 * The plan decider: terms are checked whole (`validatePlanTerms`) on publication and on every
 * correction; a correction or target names a period of the plan (its kind, not before it took effect).
 */
export const incentivePlanWorkflow = defineWorkflow<
  typeof incentivePlanMachine,
  IncentivePlanCommand,
  IncentivePlanPolicy
>({
  name: 'incentive-plan',
  version: 1,
  machine: incentivePlanMachine,
  refusalTexts: incentivePlanRefusalTexts,
  commands: {
    PublishIncentivePlan: {
      produces: 'IncentivePlanPublished',
      build: ({ type, data }) => {
        const published = terms(type, data.terms);
        const from = period(type, 'effectiveFrom', data.effectiveFrom);
        if (parsePeriodId(from).kind !== published.periodKind) {
          throw new InvalidCommandError(
            type,
            'effectiveFrom',
            `must be a ${published.periodKind} period, got ${from}`,
          );
        }
        return {
          type: 'IncentivePlanPublished',
          data: { planId: requireId(type, 'planId', data.planId), effectiveFrom: from, terms: published },
        };
      },
    },
    CorrectIncentivePlan: {
      produces: 'IncentivePlanCorrected',
      build: ({ type, data }) => ({
        type: 'IncentivePlanCorrected',
        data: {
          effectiveFrom: period(type, 'effectiveFrom', data.effectiveFrom),
          terms: terms(type, data.terms),
          reason: reason(type, data.reason),
        },
      }),
    },
    RetireIncentivePlan: {
      produces: 'IncentivePlanRetired',
      build: ({ type, data }) => ({
        type: 'IncentivePlanRetired',
        data: {
          effectiveAfter: period(type, 'effectiveAfter', data.effectiveAfter),
          reason: reason(type, data.reason),
        },
      }),
    },
    SetIncentiveTarget: {
      produces: 'IncentiveTargetSet',
      build: ({ type, data }) => {
        const basis = data.basis as unknown;
        if (typeof basis !== 'object' || basis === null) {
          throw new InvalidCommandError(type, 'basis', 'must be { kind, amountMinor }');
        }
        const b = basis as Record<string, unknown>;
        return {
          type: 'IncentiveTargetSet',
          data: {
            personId: requireId(type, 'personId', data.personId),
            period: period(type, 'period', data.period),
            targetMinor: amount(type, 'targetMinor', data.targetMinor, 1),
            targetBonusMinor: amount(type, 'targetBonusMinor', data.targetBonusMinor, 0),
            basis: {
              kind: requireOneOf(type, 'basis.kind', b['kind'], TARGET_BASIS_KINDS),
              amountMinor: amount(type, 'basis.amountMinor', b['amountMinor'], 0),
            },
            reason: optionalText(type, 'reason', data.reason, LIMITS.prose) || null,
          },
        };
      },
    },
  },
});
