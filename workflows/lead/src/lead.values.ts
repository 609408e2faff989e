import type { Money } from '@ltc/domain';
import { LIMITS } from '@ltc/workflow-kit';

/** Where a lead came from (收集和生成线索). */
export const LEAD_SOURCES = ['event', 'salon', 'referral', 'marketing', 'inbound', 'other'] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];

/** How a lead was touched, strongest influence first: visit > call > chat > email. */
export const TOUCH_CHANNELS = ['visit', 'call', 'chat', 'email'] as const;
export type TouchChannel = (typeof TOUCH_CHANNELS)[number];

export const LEAD_GRADES = ['cold', 'warm', 'hot'] as const;
export type LeadGrade = (typeof LEAD_GRADES)[number];

export type LeadContact = Readonly<{
  name: string;
  role: string | null;
  phone: string | null;
  email: string | null;
}>;

/** BANT budget: the investment budget and the payment terms. */
export type Budget = Readonly<{ amount: Money; paymentTerms: string }>;
/** BANT authority: how the customer decides, who matters, who signs. */
export type Authority = Readonly<{ decisionProcess: string; keyPerson: string; decisionMaker: string }>;
/** BANT need: the real need and the standards a supplier must meet. */
export type Need = Readonly<{
  realNeed: string;
  supplierQualification: string;
  productStandards: string;
  deliveryStandards: string;
}>;
/** BANT time, as calendar dates `YYYY-MM-DD`: project approval, need found, customer decision. */
export type Timeline = Readonly<{ projectApprovalDate: string; needFoundDate: string; decisionDate: string }>;

/** The longest text of each BANT answer (a one-line answer, or prose for the need). */
export const BANT_TEXT_LIMITS = {
  budget: { paymentTerms: LIMITS.line },
  authority: { decisionProcess: LIMITS.line, keyPerson: LIMITS.line, decisionMaker: LIMITS.line },
  need: {
    realNeed: LIMITS.prose,
    supplierQualification: LIMITS.prose,
    productStandards: LIMITS.prose,
    deliveryStandards: LIMITS.prose,
  },
} as const satisfies { [P in keyof Bant]?: { [F in keyof Bant[P]]?: number } };

/** The four BANT parts, each required in full for qualification. */
export type Bant = Readonly<{ budget: Budget; authority: Authority; need: Need; time: Timeline }>;
export const BANT_PARTS = ['budget', 'authority', 'need', 'time'] as const;
