import type { Command, Money } from '@ltc/domain';
import type { Authority, Budget, LeadGrade, LeadSource, Need, Timeline, TouchChannel } from './lead.values';

export type CaptureLead = Command<
  'CaptureLead',
  {
    customerId: string;
    source: LeadSource;
    title: string;
    contact: { name: string; role?: string; phone?: string; email?: string };
    estimatedAmount: Money;
  }
>;
export type RecordLeadTouch = Command<
  'RecordLeadTouch',
  { channel: TouchChannel; note: string; touchedAt: string }
>;
export type AssignLead = Command<'AssignLead', { owner: string }>;
export type ReassignLead = Command<'ReassignLead', { owner: string; reason: string }>;
export type QualifyLead = Command<
  'QualifyLead',
  { budget: Budget; authority: Authority; need: Need; time: Timeline; grade: LeadGrade }
>;
export type NurtureLead = Command<'NurtureLead', { reason: string; revisitOn: string }>;
export type DisqualifyLead = Command<'DisqualifyLead', { reason: string }>;
export type ReopenLead = Command<'ReopenLead', { reason: string }>;
export type ConvertLead = Command<'ConvertLead', { opportunityId: string }>;

export type LeadCommand =
  | CaptureLead
  | RecordLeadTouch
  | AssignLead
  | ReassignLead
  | QualifyLead
  | NurtureLead
  | DisqualifyLead
  | ReopenLead
  | ConvertLead;
