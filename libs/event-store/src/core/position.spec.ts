import { asPosition, comparePositions } from './position';
import { sequenceOf, sequencePosition } from './sequence-position';

describe('positions', () => {
  it('sort as strings in log order and survive a round trip', () => {
    const positions = [sequencePosition(10), sequencePosition(9), sequencePosition(100)];
    expect([...positions].sort(comparePositions).map(sequenceOf)).toEqual([9, 10, 100]);
    expect(asPosition(String(sequencePosition(42)))).toBe(sequencePosition(42));
  });

  it('refuse strings no store produced', () => {
    expect(() => asPosition('42')).toThrow(RangeError);
    expect(() => asPosition('lead-1')).toThrow(RangeError);
  });
});
