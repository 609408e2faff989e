import type { LeadContext } from './lead.context';
import type { LeadEvent } from './lead.events';

type Args = Readonly<{ context: LeadContext; event: LeadEvent }>;
type Update = (args: Args) => Partial<LeadContext>;

type DataOf<T extends LeadEvent['type']> = Extract<LeadEvent, { type: T }>['data'];

// Each action reads only its own event type; anything else leaves the context as it is.
const on =
  <T extends LeadEvent['type']>(
    type: T,
    update: (context: LeadContext, data: DataOf<T>) => Partial<LeadContext>,
  ): Update =>
  ({ context, event }) =>
    event.type === type ? update(context, event.data as DataOf<T>) : {};

const later = (a: string | null, b: string): string => (a !== null && Date.parse(a) >= Date.parse(b) ? a : b);

/** The context updates of the lead machine, by event. */
export const leadUpdates = {
  capture: on('LeadCaptured', (_c, d) => ({
    customerId: d.customerId,
    source: d.source,
    title: d.title,
    contact: d.contact,
    estimatedAmount: d.estimatedAmount,
    capturedBy: d.capturedBy,
  })),
  touch: on('LeadTouchRecorded', (c, d) => ({
    touchCount: c.touchCount + 1,
    lastTouchAt: later(c.lastTouchAt, d.touchedAt),
  })),
  assign: on('LeadAssigned', (_c, d) => ({ owner: d.owner })),
  reassign: on('LeadReassigned', (_c, d) => ({ owner: d.owner })),
  qualify: on('LeadQualified', (_c, d) => ({
    bant: { budget: d.budget, authority: d.authority, need: d.need, time: d.time },
    grade: d.grade,
    nurture: null,
  })),
  nurture: on('LeadNurtureStarted', (_c, d) => ({ nurture: { reason: d.reason, revisitOn: d.revisitOn } })),
  disqualify: on('LeadDisqualified', (_c, d) => ({ disqualifiedReason: d.reason, nurture: null })),
  reopen: on('LeadReopened', () => ({ disqualifiedReason: null })),
  convert: on('LeadConverted', (_c, d) => ({ opportunityId: d.opportunityId })),
} as const;
