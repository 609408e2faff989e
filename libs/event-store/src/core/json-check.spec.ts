import { jsonProblem } from './json-check';

describe('jsonProblem', () => {
  it('accepts plain JSON, null-prototype objects, shared (non-circular) references and undefined properties', () => {
    const shared = { currency: 'EUR' };
    const bare = Object.assign(Object.create(null) as object, { a: 1 });
    expect(
      jsonProblem(
        { a: [1, 'two', null, true, { b: -0.5 }], x: shared, y: shared, bare, optional: undefined },
        'data',
      ),
    ).toBeUndefined();
  });

  it('names the path of the first problem', () => {
    expect(jsonProblem({ lines: [{ qty: 1 }, { qty: 2n }] }, 'data')).toEqual({
      path: 'data.lines[1].qty',
      reason: 'is a bigint, which JSON cannot hold',
    });
    class Quote {}
    expect(jsonProblem({ quote: new Quote() }, 'data')?.reason).toMatch(/Quote, not a plain object/);
    expect(jsonProblem(undefined, 'data')?.reason).toBe('is undefined, which JSON cannot hold');
  });
});
