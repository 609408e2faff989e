import type { Person } from '../api/types';
import {
  bpToPercent,
  percentToBp,
  periodOf,
  periodsBetween,
  splitError,
  statementPeople,
  stepPeriod,
} from './incentives.model';

const person = (id: string, orgRoles: Person['orgRoles'], manager: string | null = null): Person => ({
  id,
  name: id,
  orgRoles,
  team: 'east',
  manager,
});

describe('the incentives view model', () => {
  it('names and steps months and quarters in UTC', () => {
    expect(periodOf(new Date('2026-12-31T23:59:59Z'), 'month')).toBe('2026-12');
    expect(periodOf(new Date('2026-12-31T23:59:59Z'), 'quarter')).toBe('2026-Q4');
    expect(stepPeriod('2026-12', 1)).toBe('2027-01');
    expect(stepPeriod('2027-01', -1)).toBe('2026-12');
    expect(stepPeriod('2026-Q4', 1)).toBe('2027-Q1');
    expect(stepPeriod('2026-Q1', -5)).toBe('2024-Q4');
    expect(periodsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(periodsBetween('2027-02', '2026-11')).toEqual([]);
    expect(() => periodsBetween('2026-11', '2026-Q4')).toThrow('not periods of one kind');
    expect(() => stepPeriod('November', 1)).toThrow('not a period: November');
  });

  it("shows a rep their own statement, a manager also their reports', ops every rep's", () => {
    const people = [
      person('bob', ['manager']),
      person('ann', ['rep'], 'bob'),
      person('sam', ['rep'], 'bob'),
      person('cy', ['rep'], 'wes'),
    ];
    expect(statementPeople({ id: 'ann', roles: ['rep'] }, people)).toEqual(['ann']);
    expect(statementPeople({ id: 'bob', roles: ['manager'] }, people)).toEqual(['bob', 'ann', 'sam']);
    expect(statementPeople({ id: 'ops', roles: ['ops'] }, people)).toEqual(['ops', 'ann', 'sam', 'cy']);
  });

  it('turns basis points into typed percentages and back, exactly', () => {
    // 5000 bp = 50 %; 1250 bp = 12.5 %; 1 bp = 0.01 %
    expect([5000, 1250, 1, 10000, 0].map(bpToPercent)).toEqual(['50', '12.5', '0.01', '100', '0']);
    expect(percentToBp('12.5')).toEqual({ bp: 1250 });
    expect(percentToBp(' 0.01 ')).toEqual({ bp: 1 });
    expect(percentToBp('12.345')).toEqual({ error: 'a percentage such as 12.5 (at most two decimals)' });
    expect(percentToBp('-5')).toHaveProperty('error');
    // 60 + 20 + 20 = 100 %; 60 + 30 + 20 = 110 %
    expect(splitError({ AR: 6000, SR: 2000, FR: 2000 })).toBeNull();
    expect(splitError({ AR: 6000, SR: 3000, FR: 2000 })).toBe('the split sums to 110 %, not 100 %');
  });
});
