// Where splitting the camelCase name would read wrong.
const SPECIAL: Record<string, string> = {
  preBidGuidance: 'Pre-bid guidance',
  requoteReview: 'Re-quote review',
  publicPool: 'Public pool',
  AR: 'Account rep (AR)',
  SR: 'Solution rep (SR)',
  FR: 'Fulfilment rep (FR)',
  sizeBand: 'Size band',
  customerType: 'Customer type',
  poNumber: 'PO number',
};

/** A camelCase or PascalCase name in words: `opportunityApproval` -> `Opportunity approval`. */
export function words(name: string): string {
  const special = SPECIAL[name];
  if (special !== undefined) return special;
  const spaced = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** A machine state in words: the innermost state of `open.bidSubmitted` -> `Bid submitted`. */
export function stageName(state: string): string {
  return words(state.split('.').at(-1) ?? state);
}
