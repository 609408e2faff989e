import type { QualifyLead } from './lead.commands';
import {
  assigned,
  at,
  captured,
  converted,
  disqualified,
  given,
  nurtured,
  qualified,
  qualifiedData,
  reassigned,
  reopened,
  touched,
} from '../test/lead.fixtures';

const working = [captured, assigned];

describe('lead', () => {
  describe('CaptureLead', () => {
    const capture = {
      type: 'CaptureLead',
      data: {
        customerId: ' cust-1 ',
        source: 'salon',
        title: 'Cold-chain monitoring for 40 stores',
        contact: { name: 'Li Wei', role: 'IT director', phone: '+86 10 5555 0101' },
        estimatedAmount: { amountMinor: 120_000_00, currency: 'CNY' },
      },
    } as const;

    it('captures a new, unassigned lead', () => {
      const { state } = given([]).when(capture).then([captured]);
      expect(state.value).toBe('new');
      expect(state.context.owner).toBeNull();
      expect(state.context.capturedBy).toBe('ops-1');
    });

    it('refuses a second capture of the same lead', () => {
      given([captured]).when(capture).thenRefuses('transitionNotAllowed');
    });

    it.each([
      ['source', { ...capture.data, source: 'cold-call' }],
      ['estimatedAmount', { ...capture.data, estimatedAmount: { amountMinor: 0, currency: 'CNY' } }],
      ['estimatedAmount', { ...capture.data, estimatedAmount: { amountMinor: 10.5, currency: 'CNY' } }],
      ['contact', { ...capture.data, contact: { name: 'Li Wei' } }],
      ['contact.name', { ...capture.data, contact: { name: ' ', email: 'li@example.com' } }],
      ['customerId', { ...capture.data, customerId: '' }],
      ['title', { ...capture.data, title: undefined }],
    ])('rejects an invalid %s', (field, data) => {
      given([])
        .when({ type: 'CaptureLead', data } as never)
        .thenInvalid(field);
    });
  });

  describe('RecordLeadTouch', () => {
    const touch = { type: 'RecordLeadTouch', data: touched.data } as const;

    it.each([
      ['new', [captured]],
      ['working', working],
      ['nurturing', [...working, nurtured]],
      ['qualified', [...working, qualified]],
    ])('records a touch while the lead is %s', (_state, events) => {
      const { state } = given(events).when(touch).then([touched]);
      expect(state.context.touchCount).toBe(1);
      expect(state.context.lastTouchAt).toBe(touched.data.touchedAt);
    });

    it('keeps the latest touch time when an older touch is recorded late', () => {
      const older = { ...touched.data, touchedAt: '2026-02-20T10:00:00.000Z' };
      const { state } = given([...working, touched])
        .when({ type: 'RecordLeadTouch', data: older })
        .then([{ type: 'LeadTouchRecorded', data: older }]);
      expect(state.context).toMatchObject({ touchCount: 2, lastTouchAt: touched.data.touchedAt });
    });

    it('refuses touches on a closed lead', () => {
      given([...working, disqualified])
        .when(touch)
        .thenRefuses('transitionNotAllowed');
      given([...working, qualified, converted])
        .when(touch)
        .thenRefuses('transitionNotAllowed');
    });

    it.each([
      ['channel', { ...touched.data, channel: 'fax' }],
      ['note', { ...touched.data, note: '' }],
      ['touchedAt', { ...touched.data, touchedAt: '2026-03-01' }],
      ['touchedAt', { ...touched.data, touchedAt: '2026-03-03T00:00:00.000Z' }],
    ])('rejects an invalid %s', (field, data) => {
      given(working)
        .when({ type: 'RecordLeadTouch', data } as never)
        .thenInvalid(field);
    });
  });

  describe('AssignLead and ReassignLead', () => {
    it('assigns a new lead, which starts the work on it', () => {
      const { state } = given([captured])
        .when({ type: 'AssignLead', data: { owner: 'rep-a' } })
        .then([assigned]);
      expect(state.value).toBe('working');
    });

    it('refuses AssignLead once owned and points to ReassignLead', () => {
      const refusal = given(working)
        .when({ type: 'AssignLead', data: { owner: 'rep-b' } })
        .thenRefuses('transitionNotAllowed');
      expect(refusal.allowed).toContain('ReassignLead');
    });

    it('reassigns with the previous owner and a reason', () => {
      const { state } = given(working)
        .when({ type: 'ReassignLead', data: { owner: 'rep-b', reason: 'Territory change' } })
        .then([reassigned]);
      expect(state.context.owner).toBe('rep-b');
    });

    it('refuses a reassignment to the current owner', () => {
      given(working)
        .when({ type: 'ReassignLead', data: { owner: 'rep-a', reason: 'again' } })
        .thenRefuses('ownerChanges');
    });

    it('refuses a reassignment before the first assignment', () => {
      given([captured])
        .when({ type: 'ReassignLead', data: { owner: 'rep-b', reason: 'x' } })
        .thenRefuses('transitionNotAllowed');
    });

    it('rejects a blank owner or reason', () => {
      given([captured])
        .when({ type: 'AssignLead', data: { owner: ' ' } })
        .thenInvalid('owner');
      given(working)
        .when({ type: 'ReassignLead', data: { owner: 'rep-b', reason: '' } })
        .thenInvalid('reason');
    });
  });

  describe('QualifyLead', () => {
    const qualify = (data: Partial<QualifyLead['data']> = {}): QualifyLead => ({
      type: 'QualifyLead',
      data: { ...qualifiedData, ...data },
    });

    it.each([
      ['working', working],
      ['nurturing', [...working, nurtured]],
    ])('qualifies a %s lead with full BANT and a grade', (_state, events) => {
      const { state } = given(events).when(qualify()).then([qualified]);
      expect(state.value).toBe('qualified');
      expect(state.context.grade).toBe('hot');
      expect(state.context.nurture).toBeNull();
    });

    it('requalifies a qualified lead when the grade moves', () => {
      const { state } = given([...working, qualified])
        .when(qualify({ grade: 'warm' }))
        .then([{ type: 'LeadQualified', data: { ...qualifiedData, grade: 'warm' } }]);
      expect(state.context.grade).toBe('warm');
    });

    it.each([
      ['hasBudget', { budget: undefined }],
      ['hasBudget', { budget: { ...qualifiedData.budget, paymentTerms: ' ' } }],
      ['hasBudget', { budget: { ...qualifiedData.budget, amount: { amountMinor: 0, currency: 'CNY' } } }],
      ['hasAuthority', { authority: { ...qualifiedData.authority, decisionMaker: '' } }],
      ['hasNeed', { need: { ...qualifiedData.need, deliveryStandards: '' } }],
      ['hasNeed', { need: undefined }],
      ['hasTime', { time: { ...qualifiedData.time, decisionDate: 'soon' } }],
    ])('refuses with %s when that BANT part is missing', (rule, data) => {
      const refusal = given(working).when(qualify(data)).thenRefuses(rule);
      expect(refusal.reason).toMatch(/^BANT \w+ is missing/);
    });

    it('names the first missing part when several are missing', () => {
      given(working)
        .when(qualify({ authority: undefined, time: undefined }))
        .thenRefuses('hasAuthority');
    });

    it('refuses to qualify an unassigned lead', () => {
      given([captured]).when(qualify()).thenRefuses('transitionNotAllowed');
    });

    it('rejects an unknown grade', () => {
      given(working)
        .when(qualify({ grade: 'lukewarm' } as never))
        .thenInvalid('grade');
    });
  });

  describe('NurtureLead', () => {
    const nurture = { type: 'NurtureLead', data: nurtured.data } as const;

    it.each([
      ['working', working],
      ['qualified', [...working, qualified]],
    ])('parks a %s lead for nurturing until a revisit date', (_state, events) => {
      const { state } = given(events).when(nurture).then([nurtured]);
      expect(state.value).toBe('nurturing');
      expect(state.context.nurture).toEqual(nurtured.data);
    });

    it('refuses to nurture a lead nobody owns', () => {
      given([captured]).when(nurture).thenRefuses('transitionNotAllowed');
    });

    it('rejects a revisit date that is not in the future', () => {
      given(working)
        .when({ type: 'NurtureLead', data: { reason: 'later', revisitOn: at.slice(0, 10) } })
        .thenInvalid('revisitOn');
    });
  });

  describe('DisqualifyLead and ReopenLead', () => {
    const disqualify = { type: 'DisqualifyLead', data: disqualified.data } as const;
    const reopen = { type: 'ReopenLead', data: reopened.data } as const;

    it.each([
      ['new', [captured]],
      ['working', working],
      ['nurturing', [...working, nurtured]],
      ['qualified', [...working, qualified]],
    ])('disqualifies a %s lead with a reason', (_state, events) => {
      const { state } = given(events).when(disqualify).then([disqualified]);
      expect(state.value).toBe('disqualified');
      expect(state.context.disqualifiedReason).toBe(disqualified.data.reason);
    });

    it('refuses to disqualify twice or after conversion', () => {
      given([...working, disqualified])
        .when(disqualify)
        .thenRefuses('transitionNotAllowed');
      given([...working, qualified, converted])
        .when(disqualify)
        .thenRefuses('transitionNotAllowed');
    });

    it('reopens to its owner, or to the unassigned queue when it never had one', () => {
      expect(
        given([...working, disqualified])
          .when(reopen)
          .then([reopened]).state.value,
      ).toBe('working');
      expect(given([captured, disqualified]).when(reopen).then([reopened]).state.value).toBe('new');
    });

    it('reopened, a lead must be qualified again before it converts', () => {
      const { state } = given([...working, qualified, disqualified])
        .when(reopen)
        .then([reopened]);
      expect(state.value).toBe('working');
    });

    it('refuses to reopen a lead that is not disqualified', () => {
      given(working).when(reopen).thenRefuses('transitionNotAllowed');
    });

    it('rejects a blank reason', () => {
      given(working)
        .when({ type: 'DisqualifyLead', data: { reason: ' ' } })
        .thenInvalid('reason');
      given([captured, disqualified])
        .when({ type: 'ReopenLead', data: { reason: '' } })
        .thenInvalid('reason');
    });
  });

  describe('ConvertLead', () => {
    const convert = { type: 'ConvertLead', data: { opportunityId: 'opp-1' } } as const;

    it('converts a qualified lead into an opportunity, recording the grades the policy allowed', () => {
      const { state } = given([...working, qualified])
        .when(convert)
        .then([converted]);
      expect(state.value).toBe('converted');
      expect(state.status).toBe('done');
      expect(state.context.opportunityId).toBe('opp-1');
    });

    it.each([
      ['new', [captured]],
      ['working', working],
      ['nurturing', [...working, nurtured]],
      ['disqualified', [...working, disqualified]],
      ['converted', [...working, qualified, converted]],
    ])('refuses to convert a %s lead', (_state, events) => {
      given(events).when(convert).thenRefuses('transitionNotAllowed');
    });

    it('refuses a cold lead under the default policy and accepts it when the policy allows cold', () => {
      const cold = { type: 'LeadQualified', data: { ...qualifiedData, grade: 'cold' } } as const;
      given([...working, cold])
        .when(convert)
        .thenRefuses('gradeConvertible');
      const policy = { convertibleGrades: ['cold', 'warm', 'hot'] } as const;
      given([...working, cold])
        .when(convert, { policy })
        .then([
          {
            type: 'LeadConverted',
            data: { opportunityId: 'opp-1', convertibleGrades: policy.convertibleGrades },
          },
        ]);
    });

    it('rejects a blank opportunity id', () => {
      given([...working, qualified])
        .when({ type: 'ConvertLead', data: { opportunityId: '' } })
        .thenInvalid('opportunityId');
    });
  });
});
