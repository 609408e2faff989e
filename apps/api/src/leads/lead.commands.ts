import type { LeadCommand } from '@ltc/workflow-lead';
import { WorkflowCommand } from '../engine/workflow-command';

type Of<T extends LeadCommand['type']> = Extract<LeadCommand, { type: T }>;

/** Every lead command goes to the one {@link LeadCommandHandler}. */
export abstract class LeadWorkflowCommand<C extends LeadCommand = LeadCommand> extends WorkflowCommand<C> {}

export class CaptureLeadCommand extends LeadWorkflowCommand<Of<'CaptureLead'>> {}
export class RecordLeadTouchCommand extends LeadWorkflowCommand<Of<'RecordLeadTouch'>> {}
export class AssignLeadCommand extends LeadWorkflowCommand<Of<'AssignLead'>> {}
export class ReassignLeadCommand extends LeadWorkflowCommand<Of<'ReassignLead'>> {}
export class QualifyLeadCommand extends LeadWorkflowCommand<Of<'QualifyLead'>> {}
export class NurtureLeadCommand extends LeadWorkflowCommand<Of<'NurtureLead'>> {}
export class DisqualifyLeadCommand extends LeadWorkflowCommand<Of<'DisqualifyLead'>> {}
export class ReopenLeadCommand extends LeadWorkflowCommand<Of<'ReopenLead'>> {}
export class ConvertLeadCommand extends LeadWorkflowCommand<Of<'ConvertLead'>> {}
