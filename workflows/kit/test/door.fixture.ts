import { assign, setup } from 'xstate';
import type { Command, Event } from '@ltc/domain';
import { defineWorkflow } from '../src/workflow';

export type DoorEvent =
  | Event<'Installed', object>
  | Event<'Opened', object>
  | Event<'Shut', object>
  | Event<'Knocked', object>
  | Event<'Locked', { key: string }>
  | Event<'Unlocked', { key: string }>
  | Event<'Silenced', object>
  | Event<'Removed', object>;

type DoorCommand = Command<'Install', object>;

/** A small machine with a guard, a self-loop, a nested state and a final state, for the kit's own tests. */
export const doorMachine = setup({
  types: { context: {} as { knocks: number }, events: {} as DoorEvent },
  guards: { rightKey: ({ event }) => 'key' in event.data && event.data.key === 'k1' },
  actions: { knock: assign({ knocks: ({ context }) => context.knocks + 1 }) },
}).createMachine({
  id: 'door',
  context: { knocks: 0 },
  initial: 'none',
  states: {
    none: { on: { Installed: 'closed' } },
    closed: { on: { Opened: 'open', Locked: { target: 'locked', guard: 'rightKey' }, Removed: 'removed' } },
    open: { on: { Shut: 'closed', Knocked: { actions: 'knock' } } },
    locked: {
      initial: 'quiet',
      on: { Unlocked: { target: 'closed', guard: 'rightKey' } },
      states: { quiet: { on: { Knocked: 'ringing' } }, ringing: { on: { Silenced: 'quiet' } } },
    },
    removed: { type: 'final' },
  },
});

export const doorWorkflow = defineWorkflow<typeof doorMachine, DoorCommand, null>({
  name: 'door',
  version: 1,
  machine: doorMachine,
  refusalTexts: { rightKey: 'only the right key locks and unlocks' },
  commands: { Install: { produces: 'Installed', build: () => ({ type: 'Installed', data: {} }) } },
});
