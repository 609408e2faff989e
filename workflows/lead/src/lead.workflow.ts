import {
  InvalidCommandError,
  defineWorkflow,
  optionalText,
  requireCalendarDate,
  requireInstant,
  requireMoney,
  requireOneOf,
  requireText,
  LIMITS,
  limitText,
  requireId,
} from '@ltc/workflow-kit';
import type { LeadCommand } from './lead.commands';
import { leadRefusalTexts } from './lead.guards';
import { leadMachine } from './lead.machine';
import type { LeadPolicy } from './lead.policy';
import { BANT_TEXT_LIMITS, LEAD_GRADES, LEAD_SOURCES, TOUCH_CHANNELS } from './lead.values';

const orNull = (text: string): string | null => (text === '' ? null : text);

/**
 * The lead decider. BANT completeness is the machine's rule (a refusal names the missing part);
 * malformed fields that no state could accept are `InvalidCommandError`s raised while building.
 */
export const leadWorkflow = defineWorkflow<typeof leadMachine, LeadCommand, LeadPolicy>({
  name: 'lead',
  version: 1,
  machine: leadMachine,
  refusalTexts: leadRefusalTexts,
  commands: {
    CaptureLead: {
      produces: 'LeadCaptured',
      build: ({ type, data }, _state, ctx) => {
        const contact = data.contact ?? {};
        const phone = orNull(optionalText(type, 'contact.phone', contact.phone, LIMITS.phone));
        const email = orNull(optionalText(type, 'contact.email', contact.email));
        if (phone === null && email === null) {
          throw new InvalidCommandError(type, 'contact', 'needs a phone or an email to follow the lead up');
        }
        return {
          type: 'LeadCaptured',
          data: {
            customerId: requireId(type, 'customerId', data.customerId),
            source: requireOneOf(type, 'source', data.source, LEAD_SOURCES),
            title: requireText(type, 'title', data.title, LIMITS.line),
            contact: {
              name: requireText(type, 'contact.name', contact.name, LIMITS.label),
              role: orNull(optionalText(type, 'contact.role', contact.role, LIMITS.label)),
              phone,
              email,
            },
            estimatedAmount: requireMoney(type, 'estimatedAmount', data.estimatedAmount),
            capturedBy: ctx.actor,
          },
        };
      },
    },
    RecordLeadTouch: {
      produces: 'LeadTouchRecorded',
      build: ({ type, data }, _state, ctx) => {
        const touchedAt = requireInstant(type, 'touchedAt', data.touchedAt);
        if (Date.parse(touchedAt) > Date.parse(ctx.at)) {
          throw new InvalidCommandError(type, 'touchedAt', 'must not be later than the command');
        }
        return {
          type: 'LeadTouchRecorded',
          data: {
            channel: requireOneOf(type, 'channel', data.channel, TOUCH_CHANNELS),
            note: requireText(type, 'note', data.note, LIMITS.prose),
            touchedAt,
          },
        };
      },
    },
    AssignLead: {
      produces: 'LeadAssigned',
      build: ({ type, data }) => ({
        type: 'LeadAssigned',
        data: { owner: requireId(type, 'owner', data.owner) },
      }),
    },
    ReassignLead: {
      produces: 'LeadReassigned',
      build: ({ type, data }, state) => ({
        type: 'LeadReassigned',
        data: {
          owner: requireId(type, 'owner', data.owner),
          // Only states with an owner accept the event; `''` is refused there by the machine.
          previousOwner: state.context.owner ?? '',
          reason: requireText(type, 'reason', data.reason, LIMITS.prose),
        },
      }),
    },
    QualifyLead: {
      produces: 'LeadQualified',
      // The BANT parts go to the machine as given (its guards refuse a missing part by name), once each
      // answer is within its limit.
      build: ({ type, data }) => {
        for (const [part, fields] of Object.entries(BANT_TEXT_LIMITS)) {
          const given: unknown = data[part as keyof typeof BANT_TEXT_LIMITS];
          for (const [field, max] of Object.entries(fields)) {
            const value =
              typeof given === 'object' && given !== null
                ? (given as Record<string, unknown>)[field]
                : undefined;
            limitText(type, `${part}.${field}`, value, max);
          }
        }
        return {
          type: 'LeadQualified',
          data: {
            budget: data.budget,
            authority: data.authority,
            need: data.need,
            time: data.time,
            grade: requireOneOf(type, 'grade', data.grade, LEAD_GRADES),
          },
        };
      },
    },
    NurtureLead: {
      produces: 'LeadNurtureStarted',
      build: ({ type, data }, _state, ctx) => {
        const revisitOn = requireCalendarDate(type, 'revisitOn', data.revisitOn);
        if (revisitOn <= ctx.at.slice(0, 10)) {
          throw new InvalidCommandError(type, 'revisitOn', 'must be a date after today');
        }
        return {
          type: 'LeadNurtureStarted',
          data: { reason: requireText(type, 'reason', data.reason, LIMITS.prose), revisitOn },
        };
      },
    },
    DisqualifyLead: {
      produces: 'LeadDisqualified',
      build: ({ type, data }) => ({
        type: 'LeadDisqualified',
        data: { reason: requireText(type, 'reason', data.reason, LIMITS.prose) },
      }),
    },
    ReopenLead: {
      produces: 'LeadReopened',
      build: ({ type, data }) => ({
        type: 'LeadReopened',
        data: { reason: requireText(type, 'reason', data.reason, LIMITS.prose) },
      }),
    },
    ConvertLead: {
      produces: 'LeadConverted',
      build: ({ type, data }, _state, ctx) => ({
        type: 'LeadConverted',
        data: {
          opportunityId: requireId(type, 'opportunityId', data.opportunityId),
          convertibleGrades: [...ctx.policy.convertibleGrades],
        },
      }),
    },
  },
});
