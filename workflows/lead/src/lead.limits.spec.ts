import { LIMITS } from '@ltc/workflow-kit';
import { assigned, captured, given, qualifiedData } from '../test/lead.fixtures';
import type { LeadCommand } from './lead.commands';
import { BANT_TEXT_LIMITS } from './lead.values';

const over = (max: number) => 'x'.repeat(max + 1);
const capture = (contact: object, title = 'Cold-chain monitoring') =>
  ({
    type: 'CaptureLead',
    data: {
      customerId: 'cust-1',
      source: 'salon',
      title,
      contact: { name: 'Li Wei', phone: '+86 10 5555 0101', ...contact },
      estimatedAmount: { amountMinor: 120_000_00, currency: 'CNY' },
    },
  }) as LeadCommand;
const qualify = (part: 'budget' | 'authority' | 'need', field: string, value: string) =>
  ({
    type: 'QualifyLead',
    data: { ...qualifiedData, [part]: { ...qualifiedData[part], [field]: value } },
  }) as LeadCommand;

// The domain refuses what the HTTP DTOs refuse (a text over its limit, a malformed id), so the CLI and the process managers cannot store it.
describe('lead text limits and ids', () => {
  it.each<[string, LeadCommand]>([
    ['title', capture({}, over(LIMITS.line))],
    ['contact.name', capture({ name: over(LIMITS.label) })],
    ['contact.role', capture({ role: over(LIMITS.label) })],
    ['contact.phone', capture({ phone: over(LIMITS.phone) })],
    [
      'note',
      {
        type: 'RecordLeadTouch',
        data: { channel: 'visit', note: over(LIMITS.prose), touchedAt: '2026-03-01T15:00:00.000Z' },
      },
    ],
    ['reason', { type: 'ReassignLead', data: { owner: 'rep-b', reason: over(LIMITS.prose) } }],
    ['reason', { type: 'NurtureLead', data: { reason: over(LIMITS.prose), revisitOn: '2026-09-01' } }],
    ['reason', { type: 'DisqualifyLead', data: { reason: over(LIMITS.prose) } }],
    ['reason', { type: 'ReopenLead', data: { reason: over(LIMITS.prose) } }],
    ['opportunityId', { type: 'ConvertLead', data: { opportunityId: 'opp/1' } }],
    ['owner', { type: 'AssignLead', data: { owner: 'rep a' } }],
    ['budget.paymentTerms', qualify('budget', 'paymentTerms', over(LIMITS.line))],
    ['authority.keyPerson', qualify('authority', 'keyPerson', over(LIMITS.line))],
    ['need.deliveryStandards', qualify('need', 'deliveryStandards', over(LIMITS.prose))],
  ])('refuses %s over its limit (case %#)', (field, command) => {
    given([captured, assigned]).when(command).thenInvalid(field);
  });

  it('limits every BANT text, and takes each at exactly its limit', () => {
    const longest = Object.fromEntries(
      Object.entries(BANT_TEXT_LIMITS).map(([part, fields]) => [
        part,
        {
          ...qualifiedData[part as keyof typeof BANT_TEXT_LIMITS],
          ...Object.fromEntries(Object.entries(fields).map(([field, max]) => [field, 'x'.repeat(max)])),
        },
      ]),
    );
    const data = { ...qualifiedData, ...longest } as typeof qualifiedData;
    given([captured, assigned])
      .when({ type: 'QualifyLead', data })
      .then([{ type: 'LeadQualified', data }]);
    expect(Object.keys(BANT_TEXT_LIMITS.need)).toHaveLength(4);
  });

  it('leaves a missing BANT part to the machine, which names it', () => {
    const { need: _need, ...data } = qualifiedData;
    given([captured, assigned])
      .when({ type: 'QualifyLead', data } as never)
      .thenRefuses('hasNeed');
  });
});
