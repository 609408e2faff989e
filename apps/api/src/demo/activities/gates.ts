import type { IronTriangleRole } from '@ltc/domain';
import type { GateName, IronTriangle } from '@ltc/workflow-gates';
import type { Journey } from '../agenda';
import type { DemoContext } from '../demo-context';
import type { DemoTarget } from '../demo-engine';
import type { Random } from '../random';

const ROLES: readonly IronTriangleRole[] = ['AR', 'SR', 'FR'];
const REJECTIONS: Record<GateName, readonly string[]> = {
  opportunityApproval: ['no capacity to deliver this quarter', 'the customer has not confirmed a budget'],
  solutionConsensus: [
    'the solution misses the data-residency standard',
    'scope unclear: split the integration part',
  ],
  quoteReview: ['margin too thin at this price', 'payment terms too long for the risk'],
  deliveryHandover: ['the delivery plan lacks a test phase', 'no named project manager on the customer side'],
};

/**
 * The iron triangle reviews `gate` until it passes: AR asks for the review, AR, SR and FR vote in turn;
 * now and then one role rejects with a reason (the default policy ends the round at once), the team
 * reworks the deal for a few days and asks again. `rework` runs between a rejection and the next round.
 */
export async function* passGate(
  context: DemoContext,
  target: DemoTarget,
  gate: GateName,
  triangle: () => IronTriangle,
  random: Random,
  rejectChance: number,
  rework?: () => AsyncGenerator<number, void, void>,
): Journey {
  for (let round = 1; ; round++) {
    await context.send(target, { type: 'RequestGateReview', data: { gate } }, triangle().AR);
    const rejecting = random.chance(round === 1 ? rejectChance : rejectChance / 3)
      ? random.pick(ROLES)
      : undefined;
    let rejected = false;
    for (const role of ROLES) {
      yield context.after(random.next() * 1.5, random);
      const decision = role === rejecting ? 'reject' : 'approve';
      await context.send(
        target,
        {
          type: 'CastGateVote',
          data: {
            gate,
            role,
            decision,
            ...(decision === 'reject' ? { reason: random.pick(REJECTIONS[gate]) } : {}),
          },
        },
        triangle()[role],
      );
      if (decision === 'reject') {
        rejected = true;
        break;
      }
    }
    if (!rejected) return;
    if (rework !== undefined) yield* rework();
    yield context.after(random.int(2, 7), random);
  }
}
