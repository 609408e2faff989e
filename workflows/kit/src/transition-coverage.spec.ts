import { doorWorkflow, type DoorEvent } from '../test/door.fixture';
import { transitionCoverage, type CoverageTable } from './transition-coverage';

const e = <T extends DoorEvent['type']>(type: T, data: object = {}): DoorEvent =>
  ({ type, data }) as DoorEvent;
const installed = [e('Installed')];
const locked = [...installed, e('Locked', { key: 'k1' })];

const table: CoverageTable<typeof doorWorkflow.machine> = {
  reach: {
    none: [],
    closed: installed,
    open: [...installed, e('Opened')],
    'locked.quiet': locked,
    'locked.ringing': [...locked, e('Knocked')],
    removed: [...installed, e('Removed')],
  },
  samples: {
    Installed: e('Installed'),
    Opened: e('Opened'),
    Shut: e('Shut'),
    Knocked: e('Knocked'),
    Locked: e('Locked', { key: 'k1' }),
    'Locked (wrong key)': e('Locked', { key: 'k2' }),
    Unlocked: e('Unlocked', { key: 'k1' }),
    Silenced: e('Silenced'),
    Removed: e('Removed'),
  },
  accepts: {
    none: ['Installed'],
    closed: ['Opened', 'Locked', 'Removed'],
    open: ['Shut', 'Knocked'],
    'locked.quiet': ['Knocked', 'Unlocked'],
    'locked.ringing': ['Silenced', 'Unlocked'],
    removed: [],
  },
};

describe('transitionCoverage', () => {
  const coverage = transitionCoverage(doorWorkflow, table);

  it('has a well-formed table', () => expect(coverage.tableProblems()).toEqual([]));
  it.each(coverage.cases)('$state: $event is $expected', (c) => coverage.check(c));
  it('exercises every transition', () => expect(coverage.uncovered()).toEqual([]));

  it('reports a wrong expectation, an unvisited state and an unexercised transition', () => {
    const { removed: _removed, ...reach } = table.reach;
    const { removed: _r, ...accepts } = table.accepts;
    const partial = transitionCoverage(doorWorkflow, { ...table, reach, accepts });
    expect(partial.tableProblems()).toEqual(['state "removed" is never reached']);
    expect(partial.uncovered()).toEqual([]);
    const { Removed: _s, ...samples } = table.samples;
    const noRemoval = transitionCoverage(doorWorkflow, { ...table, reach, accepts, samples });
    expect(noRemoval.uncovered()).toEqual(['closed --Removed--> removed']);
    expect(() => partial.check({ state: 'open', event: 'Shut', expected: 'refused' })).toThrow(
      'in "open" (open), Shut should be refused but was accepted',
    );
  });

  it('checks that a reach label names the state it reaches', () => {
    const wrong = transitionCoverage(doorWorkflow, {
      ...table,
      reach: { ...table.reach, open: installed },
    });
    expect(wrong.tableProblems()).toEqual(['reach "open" ends in "closed"', 'state "open" is never reached']);
  });
});
