import type { LeadGrade } from './lead.values';

/** Sales-ops configuration the lead decisions read; what a decision used is copied into its event. */
export type LeadPolicy = Readonly<{
  /** Grades a qualified lead must have to convert; colder leads are nurtured first. */
  convertibleGrades: readonly LeadGrade[];
}>;

export const defaultLeadPolicy: LeadPolicy = { convertibleGrades: ['warm', 'hot'] };
