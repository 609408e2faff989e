/**
 * A converter example: a Salesforce-style opportunity history export (one row per stage change:
 * OpportunityId, StageName, Amount, CloseDate, CreatedDate) to the `ltc import` format (one command per
 * line). Each deal is opened at its first row and walked up the LTC ladder to the stage each row reached,
 * at that row's CreatedDate (its business time): the iron triangle votes every gate, a changed amount or
 * close date becomes its own command, Closed Won wins (signed at the row's date, which opens the contract
 * through the process manager), Closed Lost loses after a bid and abandons before one. `opportunity-history.jsonl` is this converter's
 * output for `opportunity-history.csv` (its test keeps the two equal); `ltc import` takes it as it is.
 */

/** One line of an import file. */
export type ImportLine = Readonly<{
  id: string;
  type: string;
  kind?: 'opportunity';
  target: string;
  body: Readonly<Record<string, unknown>>;
  actor: string;
  occurredAt: string;
}>;

export type ConvertOptions = Readonly<{
  /** The account every deal belongs to (registered and claimed by the owner first). */
  customerId: string;
  owner: string;
  manager: string;
  triangle: Readonly<{ AR: string; SR: string; FR: string }>;
  currency: string;
}>;

export const defaultOptions: ConvertOptions = {
  customerId: 'sf-account',
  owner: 'ann',
  manager: 'bob',
  triangle: { AR: 'ann', SR: 'sam', FR: 'fay' },
  currency: 'EUR',
};

type Row = Readonly<{ id: string; stage: string; amount: string; closeDate: string; createdAt: string }>;

/** Salesforce's default stages, on the LTC ladder (0 open ... 4 negotiation). */
const LADDER: Readonly<Record<string, number>> = {
  Prospecting: 0,
  Qualification: 0,
  'Needs Analysis': 1,
  'Value Proposition': 1,
  'Id. Decision Makers': 2,
  'Perception Analysis': 2,
  'Proposal/Price Quote': 3,
  'Negotiation/Review': 4,
};

/** `120000.5` -> 12000050 minor units, without floating point. */
export function minorUnits(amount: string): number {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(amount.trim());
  if (match === null) throw new Error(`amount "${amount}" is not a decimal with at most 2 places`);
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** The rows of the CSV (a header line, then comma-separated rows without quoted commas). */
export function parseCsv(csv: string): Row[] {
  const [header, ...lines] = csv.split(/\r?\n/).filter((l) => l.trim() !== '');
  const names = (header ?? '').split(',').map((n) => n.trim());
  const at = (name: string) => {
    const index = names.indexOf(name);
    if (index === -1) throw new Error(`the CSV has no ${name} column`);
    return index;
  };
  const cols = ['OpportunityId', 'StageName', 'Amount', 'CloseDate', 'CreatedDate'].map(at);
  return lines.map((line) => {
    const cells = line.split(',').map((c) => c.trim());
    const [id, stage, amount, closeDate, createdAt] = cols.map((i) => cells[i] ?? '');
    return { id: id!, stage: stage!, amount: amount!, closeDate: closeDate!, createdAt: createdAt! };
  });
}

/** Converts the history: every deal's rows in time order, each deal's commands in ladder order. */
export function convertOpportunityHistory(
  csv: string,
  options: ConvertOptions = defaultOptions,
): ImportLine[] {
  const rows = parseCsv(csv);
  const deals = new Map<string, Row[]>();
  for (const row of rows) deals.set(row.id, [...(deals.get(row.id) ?? []), row]);
  const first = [...rows].sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0];
  if (first === undefined) return [];
  const money = (amount: string) => ({ amountMinor: minorUnits(amount), currency: options.currency });
  const out: ImportLine[] = [];
  // `kind` names the workflow: the gate commands are served by opportunities and contracts alike.
  const line = (
    id: string,
    type: string,
    target: string,
    actor: string,
    at: string,
    body: Record<string, unknown>,
  ) =>
    out.push({
      id,
      type,
      ...(target === options.customerId ? {} : { kind: 'opportunity' as const }),
      target,
      body,
      actor,
      occurredAt: new Date(at).toISOString(),
    });
  const customer = options.customerId;
  line(`sf:${customer}:register`, 'RegisterCustomer', customer, options.owner, first.createdAt, {
    name: customer,
    segment: 'strategic',
  });
  line(`sf:${customer}:claim`, 'ClaimCustomer', customer, options.owner, first.createdAt, {});

  for (const [deal, history] of deals) {
    const sorted = [...history].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    const target = deal;
    let reached = -1;
    let amount = '';
    let closeDate = '';
    sorted.forEach((row, n) => {
      const key = (step: string) => `sf:${deal}:${n}:${step}`;
      const on = (step: string, type: string, actor: string, body: Record<string, unknown>) =>
        line(key(step), type, target, actor, row.createdAt, body);
      const vote = (gate: string) => {
        on(`${gate}.review`, 'RequestGateReview', options.owner, { gate });
        for (const role of ['AR', 'SR', 'FR'] as const) {
          on(`${gate}.${role}`, 'CastGateVote', options.triangle[role], { gate, role, decision: 'approve' });
        }
      };
      if (n === 0) {
        on('open', 'OpenOpportunity', options.owner, {
          customerId: customer,
          name: `Salesforce ${deal}`,
          amount: money(row.amount),
          expectedCloseDate: row.closeDate,
          segment: 'strategic',
          customerType: 'new',
          owner: options.owner,
        });
        on('triangle', 'AssignIronTriangle', options.manager, { triangle: options.triangle });
        reached = 0;
      } else {
        if (minorUnits(row.amount) !== minorUnits(amount)) {
          on('amount', 'ChangeAmount', options.owner, {
            amount: money(row.amount),
            reason: 'Salesforce history',
          });
        }
        if (row.closeDate !== closeDate) {
          on('close-date', 'ChangeExpectedCloseDate', options.owner, { expectedCloseDate: row.closeDate });
        }
      }
      amount = row.amount;
      closeDate = row.closeDate;
      const goal =
        row.stage === 'Closed Won' ? 4 : (LADDER[row.stage] ?? (row.stage === 'Closed Lost' ? reached : 0));
      // Climb each step not yet taken, at this row's time (a deal may skip stages in Salesforce).
      for (let step = reached + 1; step <= goal; step++) {
        if (step === 1) {
          on('validate', 'ValidateOpportunity', options.owner, {
            isReal: true,
            solutionFits: true,
            winProbability: 50,
            worthWinning: true,
            notes: `Salesforce stage ${row.stage}`,
          });
          vote('opportunityApproval');
        }
        if (step === 2) {
          on('guidance', 'RecordPreBidGuidance', options.triangle.SR, {
            note: `Salesforce stage ${row.stage}`,
          });
          vote('solutionConsensus');
        }
        if (step === 3) {
          const quote = { quoteReference: `SF-${deal}`, amount: money(row.amount) };
          on('quote', 'PrepareQuote', options.triangle.SR, quote);
          vote('quoteReview');
          on('bid', 'SubmitBid', options.owner, { ...quote, validUntil: row.closeDate });
        }
        if (step === 4) {
          on('negotiation', 'RecordNegotiationRound', options.owner, {
            situation: 'win-win',
            priceChange: { amountMinor: 0, currency: options.currency },
            note: 'Salesforce Negotiation/Review',
          });
        }
      }
      reached = Math.max(reached, goal);
      if (row.stage === 'Closed Won') {
        on('won', 'WinOpportunity', options.owner, {
          contractId: `ctr-${deal}`,
          signedAmount: money(row.amount),
          signedAt: new Date(row.createdAt).toISOString(),
        });
      }
      // LTC loses a deal once it has bid; before that, the deal was abandoned.
      if (row.stage === 'Closed Lost') {
        const reason = `Closed Lost in Salesforce at ${sorted[n - 1]?.stage ?? row.stage}`;
        if (reached >= 3) on('lost', 'LoseOpportunity', options.owner, { reason });
        else on('abandoned', 'AbandonOpportunity', options.owner, { reason });
      }
    });
  }
  return out;
}

/** NDJSON text of the lines, ready for `ltc import`. */
export function toJsonl(lines: readonly ImportLine[]): string {
  return lines.map((l) => JSON.stringify(l)).join('\n') + '\n';
}
