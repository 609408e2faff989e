import type { IronTriangleRole } from '@ltc/domain';
import type { GateDecision, GateRejectionReason } from './gate.events';
import { GATE_NAMES, type GateName, type GatePolicy } from './gate.policy';
import type { IronTriangle } from './triangle';

export type GateVote = Readonly<{
  role: IronTriangleRole;
  voter: string;
  decision: GateDecision;
  reason: string;
}>;

/** The round under review: its policy is the one recorded when it opened, not today's. */
export type GateRound = Readonly<{
  gate: GateName;
  round: number;
  policy: GatePolicy;
  votes: readonly GateVote[];
}>;

export type GateResult = Readonly<{
  round: number;
  outcome: 'passed' | 'rejected';
  reasons: readonly GateRejectionReason[];
}>;

/** What a deal remembers about its gates. */
export type GatesContext = Readonly<{
  open: GateRound | null;
  /** Rounds opened so far per gate; the next round is this plus one. */
  rounds: Readonly<Record<GateName, number>>;
  /** The last closed round of each gate. */
  results: Readonly<Partial<Record<GateName, GateResult>>>;
}>;

/** The context a machine must carry to embed the gates. */
export type GateHostContext = Readonly<{ triangle: IronTriangle | null; gates: GatesContext }>;

export const initialGatesContext: GatesContext = {
  open: null,
  rounds: Object.fromEntries(GATE_NAMES.map((gate) => [gate, 0])) as Record<GateName, number>,
  results: {},
};
