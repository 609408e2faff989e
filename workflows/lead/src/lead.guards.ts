import { isMoney } from '@ltc/domain';
import type { LeadContext } from './lead.context';
import type { LeadEvent } from './lead.events';

type GuardArgs = Readonly<{ context: LeadContext; event: LeadEvent }>;

// Guards read the event as data from outside: a stored or HTTP-built event may lack a part entirely.
const text = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '';
const date = (value: unknown): boolean =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
const fields = (value: unknown): Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
const qualification = (event: LeadEvent) => (event.type === 'LeadQualified' ? event.data : undefined);

/** Pure guard predicates of the lead machine, by name; the rule texts live in `leadRefusalTexts`. */
export const leadGuards = {
  hasBudget: ({ event }: GuardArgs): boolean => {
    const budget = fields(qualification(event)?.budget);
    const amount = budget['amount'];
    return isMoney(amount) && amount.amountMinor > 0 && text(budget['paymentTerms']);
  },
  hasAuthority: ({ event }: GuardArgs): boolean => {
    const authority = fields(qualification(event)?.authority);
    return ['decisionProcess', 'keyPerson', 'decisionMaker'].every((key) => text(authority[key]));
  },
  hasNeed: ({ event }: GuardArgs): boolean => {
    const need = fields(qualification(event)?.need);
    return ['realNeed', 'supplierQualification', 'productStandards', 'deliveryStandards'].every((key) =>
      text(need[key]),
    );
  },
  hasTime: ({ event }: GuardArgs): boolean => {
    const time = fields(qualification(event)?.time);
    return ['projectApprovalDate', 'needFoundDate', 'decisionDate'].every((key) => date(time[key]));
  },
  ownerChanges: ({ context, event }: GuardArgs): boolean =>
    event.type === 'LeadReassigned' && event.data.owner !== context.owner,
  hasOwner: ({ context }: GuardArgs): boolean => context.owner !== null,
  gradeConvertible: ({ context, event }: GuardArgs): boolean =>
    event.type === 'LeadConverted' &&
    context.grade !== null &&
    event.data.convertibleGrades.includes(context.grade),
} as const;

/** Why each guard refuses, in words a sales rep understands. */
export const leadRefusalTexts: Readonly<Record<string, string>> = {
  hasBudget: 'BANT budget is missing: a positive budget amount and the payment terms are required',
  hasAuthority: 'BANT authority is missing: the decision process, key person and decision maker are required',
  hasNeed:
    'BANT need is missing: the real need, supplier qualification, product and delivery standards are required',
  hasTime: 'BANT time is missing: project approval, need found and decision dates (YYYY-MM-DD) are required',
  ownerChanges: 'the lead already belongs to that owner',
  gradeConvertible: 'only a lead graded as the policy allows converts; nurture colder leads first',
};
