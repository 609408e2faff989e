import document from './openapi.fixture.json';
import type { OpenApiDocument } from './openapi';
import { buildRequest, commandForms, errorsAtFields, initialValues } from './command-form.model';

// A slice of the api's own /docs-json (opportunity and contract commands), taken from a running api.
const doc = document as unknown as OpenApiDocument;
const opportunity = commandForms(doc, '/api/opportunities');
const form = (command: string) => {
  const found = opportunity.get(command) ?? commandForms(doc, '/api/contracts').get(command);
  if (found === undefined) throw new Error(`no form for ${command}`);
  return found;
};

describe('command forms generated from the OpenAPI document', () => {
  it('finds each command by the name its operation summary starts with', () => {
    expect([...opportunity.keys()].sort()).toEqual([
      'AssignIronTriangle',
      'CastGateVote',
      'ChangeAmount',
      'LoseOpportunity',
      'RequestGateReview',
      'ValidateOpportunity',
      'WinOpportunity',
    ]);
    expect(form('LoseOpportunity')).toMatchObject({
      operationId: 'loseOpportunity',
      path: '/api/opportunities/{id}/lose',
    });
  });

  it('turns schema types into inputs: text, long text, enum, boolean, number, money, instant, nested objects', () => {
    const kinds = (command: string) => form(command).fields.map((f) => [f.name, f.kind, f.required]);
    expect(kinds('LoseOpportunity')).toEqual([
      ['reason', 'textarea', true],
      ['competitor', 'text', false],
    ]);
    expect(kinds('CastGateVote')).toEqual([
      ['role', 'select', true],
      ['decision', 'select', true],
      ['reason', 'textarea', false],
    ]);
    expect(kinds('ValidateOpportunity')).toEqual([
      ['isReal', 'boolean', true],
      ['solutionFits', 'boolean', true],
      ['winProbability', 'number', true],
      ['worthWinning', 'boolean', true],
      ['notes', 'textarea', true],
    ]);
    expect(kinds('WinOpportunity')).toEqual([
      ['contractId', 'text', false],
      ['signedAmount', 'money', true],
      ['signedAt', 'datetime', true],
    ]);
    expect(kinds('AssignIronTriangle')).toEqual([
      ['triangle.AR', 'text', true],
      ['triangle.SR', 'text', true],
      ['triangle.FR', 'text', true],
    ]);
    expect(form('CastGateVote').pathFields).toMatchObject([
      { name: ':gate', kind: 'select', options: ['opportunityApproval', 'solutionConsensus', 'quoteReview'] },
    ]);
    expect(form('ChangeAmount').fields[0]).toMatchObject({ name: 'amount', kind: 'money', signed: false });
  });

  it('builds the request: path filled, typed body, money in minor units, empty optionals left out', () => {
    const win = form('WinOpportunity');
    const values = initialValues(win, 'EUR', { signedAmount: '90,000.50', signedAt: '2026-06-20T09:00:00Z' });
    // 90,000.50 euro = 9,000,050 cents
    expect(buildRequest(win, 'opp-1', values)).toEqual({
      ok: true,
      path: '/api/opportunities/opp-1/win',
      body: {
        signedAmount: { amountMinor: 9_000_050, currency: 'EUR' },
        signedAt: '2026-06-20T09:00:00.000Z',
      },
    });
    const vote = form('CastGateVote');
    expect(
      buildRequest(vote, 'opp 2', initialValues(vote, 'EUR', { ':gate': 'quoteReview', role: 'SR' })),
    ).toEqual({
      ok: true,
      path: '/api/opportunities/opp%202/gates/quoteReview/votes',
      body: { role: 'SR', decision: 'approve' },
    });
    const triangle = form('AssignIronTriangle');
    expect(
      buildRequest(triangle, 'o', { 'triangle.AR': 'ann', 'triangle.SR': 'sam', 'triangle.FR': 'fay' }),
    ).toMatchObject({
      body: { triangle: { AR: 'ann', SR: 'sam', FR: 'fay' } },
    });
    const validate = form('ValidateOpportunity');
    expect(
      buildRequest(
        validate,
        'o',
        initialValues(validate, 'EUR', { isReal: true, winProbability: '60', notes: 'ok' }),
      ),
    ).toMatchObject({
      body: { isReal: true, solutionFits: false, winProbability: 60, worthWinning: false, notes: 'ok' },
    });
  });

  it('refuses at the field before sending: required, number bounds, money decimals, sign and currency', () => {
    const validate = form('ValidateOpportunity');
    expect(buildRequest(validate, 'o', initialValues(validate, 'EUR', { winProbability: '101' }))).toEqual({
      ok: false,
      errors: { winProbability: 'at most 100', notes: 'required' },
    });
    const amount = form('ChangeAmount');
    const errorOf = (given: Record<string, string>) =>
      buildRequest(amount, 'o', initialValues(amount, 'EUR', given));
    expect(errorOf({ amount: '10.999' })).toEqual({ ok: false, errors: { amount: 'at most 2 decimals' } });
    expect(errorOf({ amount: '-5' })).toEqual({ ok: false, errors: { amount: 'must not be negative' } });
    expect(errorOf({ amount: '5', 'amount#currency': 'eu' })).toEqual({
      ok: false,
      errors: { amount: 'currency: a 3-letter code such as EUR' },
    });
  });

  it("puts the api's field errors at their fields and a refusal on the form", () => {
    const amount = form('ChangeAmount');
    expect(
      errorsAtFields(amount, {
        statusCode: 400,
        code: 'INVALID_INPUT',
        message: 'invalid input: amount.amountMinor, amount.currency',
        errors: [
          { field: 'amount.amountMinor', messages: ['amountMinor must not be less than 0'] },
          { field: 'amount.currency', messages: ['currency must be an ISO-4217 code such as EUR'] },
        ],
      }),
    ).toEqual({
      amount: 'amountMinor must not be less than 0; currency must be an ISO-4217 code such as EUR',
    });
    expect(
      errorsAtFields(form('WinOpportunity'), {
        statusCode: 409,
        code: 'COMMAND_REFUSED',
        message: 'opportunity: WinOpportunity refused in state "open.validated"',
        rule: 'transitionNotAllowed',
      }),
    ).toEqual({
      form: 'opportunity: WinOpportunity refused in state "open.validated" (rule: transitionNotAllowed)',
    });
  });
});
