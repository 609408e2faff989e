import type { Money } from '@ltc/domain';
import type { Bant, LeadContact, LeadGrade, LeadSource } from './lead.values';

/** What the lead knows about itself, rebuilt from its events alone. */
export type LeadContext = Readonly<{
  customerId: string | null;
  source: LeadSource | null;
  title: string | null;
  contact: LeadContact | null;
  estimatedAmount: Money | null;
  capturedBy: string | null;
  owner: string | null;
  touchCount: number;
  /** Latest `touchedAt` seen (touches may be recorded out of order). */
  lastTouchAt: string | null;
  bant: Bant | null;
  grade: LeadGrade | null;
  nurture: Readonly<{ reason: string; revisitOn: string }> | null;
  disqualifiedReason: string | null;
  opportunityId: string | null;
}>;

export const emptyLeadContext: LeadContext = {
  customerId: null,
  source: null,
  title: null,
  contact: null,
  estimatedAmount: null,
  capturedBy: null,
  owner: null,
  touchCount: 0,
  lastTouchAt: null,
  bant: null,
  grade: null,
  nurture: null,
  disqualifiedReason: null,
  opportunityId: null,
};
