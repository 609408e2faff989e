import type { OpportunityCommand } from '@ltc/workflow-opportunity';
import { WorkflowCommand } from '../engine/workflow-command';

type Of<T extends OpportunityCommand['type']> = Extract<OpportunityCommand, { type: T }>;

/** Every opportunity command goes to the one {@link OpportunityCommandHandler}. */
export abstract class OpportunityWorkflowCommand<
  C extends OpportunityCommand = OpportunityCommand,
> extends WorkflowCommand<C> {}

export class OpenOpportunityCommand extends OpportunityWorkflowCommand<Of<'OpenOpportunity'>> {}
export class AssignIronTriangleCommand extends OpportunityWorkflowCommand<Of<'AssignIronTriangle'>> {}
export class ReassignIronTriangleRoleCommand extends OpportunityWorkflowCommand<
  Of<'ReassignIronTriangleRole'>
> {}
export class ValidateOpportunityCommand extends OpportunityWorkflowCommand<Of<'ValidateOpportunity'>> {}
export class RecordPreBidGuidanceCommand extends OpportunityWorkflowCommand<Of<'RecordPreBidGuidance'>> {}
export class RequestGateReviewCommand extends OpportunityWorkflowCommand<Of<'RequestGateReview'>> {}
export class CastGateVoteCommand extends OpportunityWorkflowCommand<Of<'CastGateVote'>> {}
export class PrepareQuoteCommand extends OpportunityWorkflowCommand<Of<'PrepareQuote'>> {}
export class SubmitBidCommand extends OpportunityWorkflowCommand<Of<'SubmitBid'>> {}
export class RecordNegotiationRoundCommand extends OpportunityWorkflowCommand<Of<'RecordNegotiationRound'>> {}
export class ReviseQuoteCommand extends OpportunityWorkflowCommand<Of<'ReviseQuote'>> {}
export class ChangeAmountCommand extends OpportunityWorkflowCommand<Of<'ChangeAmount'>> {}
export class ChangeExpectedCloseDateCommand extends OpportunityWorkflowCommand<
  Of<'ChangeExpectedCloseDate'>
> {}
export class WinOpportunityCommand extends OpportunityWorkflowCommand<Of<'WinOpportunity'>> {}
export class LoseOpportunityCommand extends OpportunityWorkflowCommand<Of<'LoseOpportunity'>> {}
export class AbandonOpportunityCommand extends OpportunityWorkflowCommand<Of<'AbandonOpportunity'>> {}
