import { leadAccess, opportunityAccess } from '@ltc/access';
import { ForbiddenError } from '@ltc/engine';
import { UserDirectory } from '@ltc/users';
import type { LeadCommand } from '@ltc/workflow-lead';
import type { OpportunityCommand } from '@ltc/workflow-opportunity';
import { InvalidCommandError } from '@ltc/workflow-kit';
import type { UserDirectoryProvider } from '../auth/user-directory.provider';
import { AccessService } from './access.service';
import type { CustomerOwnership } from './customer-ownership';

const directory = new UserDirectory({
  version: 1,
  users: [
    { id: 'mia', name: 'Mia', roles: ['manager'], team: 'north', apiKeys: [] },
    { id: 'ann', name: 'Ann', roles: ['rep'], team: 'north', manager: 'mia', apiKeys: [] },
    { id: 'cat', name: 'Cat', roles: ['rep'], team: 'south', apiKeys: [] },
  ],
});
const ann = { id: 'ann', roles: ['rep'] };
const cat = { id: 'cat', roles: ['rep'] };
const deal = { customerId: 'acme', owner: 'ann', triangle: null };
const win = { type: 'WinOpportunity', data: {} } as unknown as OpportunityCommand;

describe('AccessService (the api side of @ltc/access)', () => {
  const owners = new Map<string, string | null>([['acme', 'ann']]);
  const ownerOf = jest.fn((id: string) => Promise.resolve(owners.get(id)));
  const access = new AccessService(
    { current: () => directory } as unknown as UserDirectoryProvider,
    { ownerOf } as unknown as CustomerOwnership,
  );
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

  it('builds the org once per users file and answers visibility from it', () => {
    expect(access.org()).toBe(access.org());
    expect(access.mayView(ann, ['mia'])).toBe(true);
    expect(access.mayView(ann, ['cat'])).toBe(false);
    expect(() => access.requireManager(ann, 'sweep')).toThrow(ForbiddenError);
  });
});
