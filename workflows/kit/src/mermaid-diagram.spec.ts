import { doorMachine } from '../test/door.fixture';
import { toMermaid } from './mermaid-diagram';

describe('toMermaid', () => {
  it('draws states, nested states, guards, self-loops and final states from the definition', () => {
    expect(toMermaid(doorMachine).split('\n')).toEqual([
      'stateDiagram-v2',
      '  [*] --> none',
      '  state locked {',
      '    [*] --> locked_quiet',
      '    state "quiet" as locked_quiet',
      '    state "ringing" as locked_ringing',
      '  }',
      '  removed --> [*]',
      '  none --> closed : Installed',
      '  closed --> open : Opened',
      '  closed --> locked : Locked [rightKey]',
      '  closed --> removed : Removed',
      '  open --> closed : Shut',
      '  open --> open : Knocked',
      '  locked --> closed : Unlocked [rightKey]',
      '  locked_quiet --> locked_ringing : Knocked',
      '  locked_ringing --> locked_quiet : Silenced',
    ]);
  });
});
