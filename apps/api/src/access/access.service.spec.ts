import { leadAccess, opportunityAccess } from '@ltc/access';
import { ForbiddenError } from '@ltc/engine';
import type { LeadCommand } from '@ltc/workflow-lead';
import type { OpportunityCommand } from '@ltc/workflow-opportunity';
import { InvalidCommandError } from '@ltc/workflow-kit';
import { AccessService } from './access.service';
import type { CustomerOwnership } from './customer-ownership';
import { orgWorld } from '../../test/org-world';

const ann = { id: 'ann', roles: ['rep'] };
const cat = { id: 'cat', roles: ['rep'] };
const deal = { customerId: 'acme', owner: 'ann', triangle: null };
const win = { type: 'WinOpportunity', data: {} } as unknown as OpportunityCommand;

describe('AccessService (the api side of @ltc/access)', () => {
  const owners = new Map<string, string | null>([['acme', 'ann']]);
  const ownerOf = jest.fn((id: string) => Promise.resolve(owners.get(id)));
  let access: AccessService;
  beforeAll(async () => {
    const world = orgWorld();
    await world.join('mia', 'manager', 'north');
    await world.join('ann', 'rep', 'north', 'mia');
    await world.join('cat', 'rep', 'south');
    await world.org.start();
    world.org.onModuleDestroy();
    access = new AccessService(world.org, { ownerOf } as unknown as CustomerOwnership);
  });
  beforeEach(() => ownerOf.mockClear());

  it('reads the customer only when the rule asks for it', async () => {
    await access.authorize(opportunityAccess, ann, win, deal);
    expect(ownerOf).not.toHaveBeenCalled();
    await expect(access.authorize(opportunityAccess, cat, win, deal)).rejects.toBeInstanceOf(ForbiddenError);
    expect(ownerOf.mock.calls).toEqual([['acme']]);
  });

  it('throws a refusal as a ForbiddenError carrying its rule', async () => {
    await expect(access.authorize(opportunityAccess, cat, win, deal)).rejects.toMatchObject({
      rule: 'customerOwnedByAnother',
      message: 'customer acme is followed by ann: only ann or their manager may work it',
    });
  });

  it('throws invalid input as an InvalidCommandError naming the field', async () => {
    const assign = { type: 'AssignLead', data: { owner: 'zed' } } as LeadCommand;
    const mia = { id: 'mia', roles: ['manager'] };
    const error: unknown = await access
      .authorize(leadAccess, mia, assign, { customerId: 'acme', owner: null })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidCommandError);
    expect(error).toMatchObject({ field: 'owner', message: 'AssignLead.owner "zed" is not a known user' });
  });

  it('builds the org once per change of the log and answers visibility from it', () => {
    expect(access.org()).toBe(access.org());
    expect(access.mayView(ann, ['mia'])).toBe(true);
    expect(access.mayView(ann, ['cat'])).toBe(false);
    expect(() => access.requireManager(ann, 'sweep')).toThrow(ForbiddenError);
  });
});
