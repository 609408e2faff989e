import type { Event, Money } from '@ltc/domain';
import type {
  Authority,
  Budget,
  LeadContact,
  LeadGrade,
  LeadSource,
  Need,
  Timeline,
  TouchChannel,
} from './lead.values';

export type LeadCaptured = Event<
  'LeadCaptured',
  {
    customerId: string;
    source: LeadSource;
    title: string;
    contact: LeadContact;
    estimatedAmount: Money;
    /** Who captured it: they may see the lead before it has an owner. */
    capturedBy: string;
  }
>;
/** `touchedAt` is when the touch happened, which may be earlier than when it was recorded. */
export type LeadTouchRecorded = Event<
  'LeadTouchRecorded',
  { channel: TouchChannel; note: string; touchedAt: string }
>;
export type LeadAssigned = Event<'LeadAssigned', { owner: string }>;
export type LeadReassigned = Event<
  'LeadReassigned',
  { owner: string; previousOwner: string; reason: string }
>;
export type LeadQualified = Event<
  'LeadQualified',
  { budget: Budget; authority: Authority; need: Need; time: Timeline; grade: LeadGrade }
>;
/** Not ready to buy yet: parked for nurturing until `revisitOn` (a date). */
export type LeadNurtureStarted = Event<'LeadNurtureStarted', { reason: string; revisitOn: string }>;
export type LeadDisqualified = Event<'LeadDisqualified', { reason: string }>;
export type LeadReopened = Event<'LeadReopened', { reason: string }>;
/** `convertibleGrades` is the policy in force when the lead converted, kept so replay explains it. */
export type LeadConverted = Event<
  'LeadConverted',
  { opportunityId: string; convertibleGrades: readonly LeadGrade[] }
>;

export type LeadEvent =
  | LeadCaptured
  | LeadTouchRecorded
  | LeadAssigned
  | LeadReassigned
  | LeadQualified
  | LeadNurtureStarted
  | LeadDisqualified
  | LeadReopened
  | LeadConverted;

export const LEAD_EVENT_TYPES = [
  'LeadCaptured',
  'LeadTouchRecorded',
  'LeadAssigned',
  'LeadReassigned',
  'LeadQualified',
  'LeadNurtureStarted',
  'LeadDisqualified',
  'LeadReopened',
  'LeadConverted',
] as const satisfies readonly LeadEvent['type'][];
