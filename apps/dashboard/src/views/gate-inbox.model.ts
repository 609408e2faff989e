import type { DealView } from '../api/types';

/** A review round waiting for this user's vote in one of their roles on the deal. */
export type Awaiting = Readonly<{
  deal: DealView;
  kind: 'opportunities' | 'contracts';
  gate: string;
  round: number;
  role: string;
  votes: readonly { role: string; voter: string; decision: string }[];
}>;

/** The open rounds where `me` holds a required role that has not voted yet (one entry per role). */
export function awaitingMyVote(deals: readonly DealView[], me: string): Awaiting[] {
  return deals.flatMap((deal) => {
    const open = deal.context.gates?.open;
    const triangle = deal.context.triangle;
    if (!open || !triangle) return [];
    const kind = deal.kind === 'contract' ? 'contracts' : 'opportunities';
    return open.policy.requiredRoles
      .filter(
        (role) => triangle[role as keyof typeof triangle] === me && !open.votes.some((v) => v.role === role),
      )
      .map((role) => ({ deal, kind, gate: open.gate, round: open.round, role, votes: open.votes }));
  });
}
