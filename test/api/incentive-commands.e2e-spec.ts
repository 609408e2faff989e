import type { ApiProcess } from '../support/api-process';
import { INCENTIVE_TERMS as TERMS } from '../support/fixtures';
import { ok, startSession, type As } from '../support/session';

// The write side of incentives over real HTTP: plans and targets by ops, periods opened by ops and
// closed by ops or a manager of the plan's participants (east: ann, sam and fay report to bob).
const TARGET = {
  personId: 'ann',
  period: '2026-11',
  targetMinor: 10_000_000,
  targetBonusMinor: 300_000,
  basis: { kind: 'baseSalary', amountMinor: 600_000 },
};

describe('incentive plans and periods (commands)', () => {
  let api: ApiProcess;
  let as: As;
  const eventsOf = async (path: string): Promise<string[]> => {
    const answer = await as('ops', 'GET', `${path}/history`);
    return ((answer.body['events'] ?? []) as { type: string }[]).map((e) => e.type);
  };

  beforeAll(async () => {
    ({ api, as } = await startSession());
  });
  afterAll(() => api.stop());

  it('refuses bad terms with the field and the rule, appending nothing', async () => {
    const split = await as('ops', 'POST', '/api/incentives/plans', {
      planId: 'bad',
      effectiveFrom: '2026-01',
      terms: { ...TERMS, split: { AR: 5000, SR: 3000, FR: 1999 } },
    });
    expect(split.status).toBe(400);
    expect(split.body).toMatchObject({
      code: 'INVALID_COMMAND',
      message:
        'PublishIncentivePlan.terms.split must sum to 10000 (100 %): AR 5000 + SR 3000 + FR 1999 = 9999',
    });
    const tiers = await as('ops', 'POST', '/api/incentives/plans', {
      planId: 'bad',
      effectiveFrom: '2026-01',
      terms: {
        ...TERMS,
        attainment: {
          ...TERMS.attainment,
          tiers: [
            { fromBp: 0, toBp: 9000, rateBp: 1 },
            { fromBp: 10000, toBp: null, rateBp: 2 },
          ],
        },
      },
    });
    expect(tiers.status).toBe(400);
    expect(tiers.body['message']).toMatch(
      /^PublishIncentivePlan\.terms\.attainment\.tiers\[1\]\.fromBp leaves a gap/,
    );
    const negative = await as('ops', 'POST', '/api/incentives/plans', {
      planId: 'bad',
      effectiveFrom: '2026-01',
      terms: { ...TERMS, pool: { ...TERMS.pool, signedRateBp: -1 } },
    });
    expect(negative.status).toBe(400);
    expect(negative.body['errors']).toEqual([
      { field: 'terms.pool.signedRateBp', messages: ['signedRateBp must not be less than 0'] },
    ]);
    const noRate = await as('ops', 'POST', '/api/incentives/plans', {
      planId: 'bad',
      effectiveFrom: '2026-01',
      terms: { ...TERMS, fxRates: { USD: '0' } },
    });
    expect(noRate.status).toBe(400);
    expect(noRate.body['message']).toMatch(
      /^PublishIncentivePlan\.terms\.fxRates\.USD must be a positive decimal/,
    );
    expect((await as('ops', 'GET', '/api/incentives/plans/bad')).status).toBe(404);
  });

  it('lets only ops and admins publish; the plan is in force from its first period', async () => {
    const body = { planId: 'east26', effectiveFrom: '2026-01', terms: TERMS };
    const rep = await as('ann', 'POST', '/api/incentives/plans', body);
    expect(rep.status).toBe(403);
    expect(rep.body).toMatchObject({ rule: 'opsOnly' });
    expect((await as('bob', 'POST', '/api/incentives/plans', body)).status).toBe(403);
    const published = await ok(as('ops', 'POST', '/api/incentives/plans', body), 'published');
    expect(published).toMatchObject({ id: 'east26' });
    const again = await as('root', 'POST', '/api/incentives/plans', body);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ rule: 'alreadyExists' });
    expect(await eventsOf('/api/incentives/plans/east26')).toEqual(['IncentivePlanPublished']);
  });

  it('sets targets for participants in periods of the plan only', async () => {
    await ok(as('ops', 'POST', '/api/incentives/plans/east26/targets', TARGET), 'published');
    const outsider = await as('ops', 'POST', '/api/incentives/plans/east26/targets', {
      ...TARGET,
      personId: 'cy',
    });
    expect(outsider.status).toBe(409);
    expect(outsider.body).toMatchObject({ rule: 'participant' });
    const before = await as('ops', 'POST', '/api/incentives/plans/east26/targets', {
      ...TARGET,
      period: '2025-12',
    });
    expect(before.body).toMatchObject({ statusCode: 409, rule: 'periodOfPlan' });
    const quarter = await as('ops', 'POST', '/api/incentives/plans/east26/targets', {
      ...TARGET,
      period: '2026-Q4',
    });
    expect(quarter.body).toMatchObject({ statusCode: 409, rule: 'periodOfPlan' });
    expect((await as('bob', 'POST', '/api/incentives/plans/east26/targets', TARGET)).status).toBe(403);
    expect(await eventsOf('/api/incentives/plans/east26')).toEqual([
      'IncentivePlanPublished',
      'IncentiveTargetSet',
    ]);
  });

  it('opens periods of a published plan only', async () => {
    const noPlan = await as('ops', 'POST', '/api/incentives/periods/nope.2026-11/open', {});
    expect(noPlan.status).toBe(409);
    expect(noPlan.body).toMatchObject({
      rule: 'planExists',
      message: expect.stringContaining('there is no incentive plan nope'),
    });
    const quarter = await as('ops', 'POST', '/api/incentives/periods/east26.2026-Q4/open', {});
    expect(quarter.body).toMatchObject({ statusCode: 409, rule: 'periodOfPlan' });
    const malformed = await as('ops', 'POST', '/api/incentives/periods/east26.Nov/open', {});
    expect(malformed.status).toBe(400);
    expect((await as('bob', 'POST', '/api/incentives/periods/east26.2026-11/open', {})).status).toBe(403);
    const opened = await ok(as('ops', 'POST', '/api/incentives/periods/east26.2026-11/open', {}), 'open');
    expect(opened).toMatchObject({ id: 'east26.2026-11' });
    const view = await ok(as('ann', 'GET', '/api/incentives/periods/east26.2026-11'));
    expect(view['context']).toEqual({
      planId: 'east26',
      period: '2026-11',
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
      closedBy: null,
    });
    for (const path of ['/api/incentives/periods/nope.2026-11', '/api/incentives/periods/east26.2026-Q4']) {
      expect((await as('ops', 'GET', path)).status).toBe(404);
    }
  });

  it("closes by a manager of the plan's people (not another team's), once: closed is final", async () => {
    const never = await as('ops', 'POST', '/api/incentives/periods/east26.2026-12/close', {});
    expect(never).toMatchObject({
      status: 404,
      body: {
        message:
          'incentive period east26.2026-12 was never opened: open it (POST /api/incentives/periods/east26.2026-12/open) before closing it',
      },
    });
    // nothing appended: the period still does not exist
    expect((await as('ops', 'GET', '/api/incentives/periods/east26.2026-12')).status).toBe(404);
    const other = await as('wes', 'POST', '/api/incentives/periods/east26.2026-11/close', {});
    expect(other.status).toBe(403);
    expect(other.body).toMatchObject({ rule: 'managerOfParticipants' });
    expect((await as('ann', 'POST', '/api/incentives/periods/east26.2026-11/close', {})).status).toBe(403);
    await ok(as('bob', 'POST', '/api/incentives/periods/east26.2026-11/close', {}), 'closed');
    const twice = await as('ops', 'POST', '/api/incentives/periods/east26.2026-11/close', {});
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({
      rule: 'closedIsFinal',
      state: 'closed',
      message: expect.stringContaining(
        'incentive period east26.2026-11 is closed, and closed is final: its statements stay frozen',
      ),
    });
    const reopen = await as('ops', 'POST', '/api/incentives/periods/east26.2026-11/open', {});
    expect(reopen).toMatchObject({ status: 409, body: { rule: 'closedIsFinal', state: 'closed' } });
    expect(await eventsOf('/api/incentives/periods/east26.2026-11')).toEqual([
      'IncentivePeriodOpened',
      'IncentivePeriodClosed',
    ]);
    const history = await ok(as('ops', 'GET', '/api/incentives/periods/east26.2026-11/history'));
    expect((history['events'] as { data: unknown }[])[1]?.data).toEqual({
      planId: 'east26',
      period: '2026-11',
      closedBy: 'bob',
    });
  });

  it('corrects the plan from a closed period on, and retires it', async () => {
    const correction = {
      effectiveFrom: '2026-11',
      terms: { ...TERMS, split: { AR: 4000, SR: 4000, FR: 2000 } },
      reason: 'SR carries more',
    };
    expect((await as('bob', 'POST', '/api/incentives/plans/east26/correct', correction)).status).toBe(403);
    await ok(as('ops', 'POST', '/api/incentives/plans/east26/correct', correction), 'published');
    const noReason = await as('ops', 'POST', '/api/incentives/plans/east26/correct', {
      ...correction,
      reason: '',
    });
    expect(noReason.status).toBe(400);
    await ok(
      as('ops', 'POST', '/api/incentives/plans/east26/retire', {
        effectiveAfter: '2026-12',
        reason: 'replaced',
      }),
      'retired',
    );
    const after = await as('ops', 'POST', '/api/incentives/periods/east26.2027-01/open', {});
    expect(after.body).toMatchObject({ statusCode: 409, rule: 'periodOfPlan' });
    expect(after.body['message']).toContain('month periods from 2026-01 to 2026-12');
    expect(await eventsOf('/api/incentives/plans/east26')).toEqual([
      'IncentivePlanPublished',
      'IncentiveTargetSet',
      'IncentivePlanCorrected',
      'IncentivePlanRetired',
    ]);
  });
});
