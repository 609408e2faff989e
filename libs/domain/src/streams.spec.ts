import {
  STREAM_CATEGORIES,
  contractStream,
  incentivePlanStream,
  opportunityStream,
  parseStreamId,
} from './streams';

describe('stream ids', () => {
  it('builds and parses the ids of one kind', () => {
    expect(opportunityStream.id('7f3a')).toBe('opportunity-7f3a');
    expect(opportunityStream.parse('opportunity-7f3a')).toBe('7f3a');
    expect(opportunityStream.entityId('opportunity-a-b')).toBe('a-b');
  });

  it('does not take another kind, or an empty id, for its own', () => {
    expect(opportunityStream.parse('contract-7f3a')).toBeUndefined();
    expect(opportunityStream.parse('opportunity-')).toBeUndefined();
    expect(() => contractStream.entityId('lead-1')).toThrow('lead-1 is not a contract stream');
  });

  it('parses any stream id, preferring the longest category', () => {
    expect(parseStreamId('incentive-plan-2026')).toEqual({ category: 'incentive-plan', id: '2026' });
    expect(parseStreamId('incentive-period-2026-11')).toEqual({
      category: 'incentive-period',
      id: '2026-11',
    });
    expect(parseStreamId('lead-x')).toEqual({ category: 'lead', id: 'x' });
    expect(parseStreamId('$system')).toBeUndefined();
  });

  it('round-trips every category', () => {
    for (const category of STREAM_CATEGORIES) {
      expect(parseStreamId(`${category}-id-1`)).toEqual({ category, id: 'id-1' });
    }
    expect(incentivePlanStream.id('p')).toBe('incentive-plan-p');
  });
});
