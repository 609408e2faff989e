import { and, assign, setup } from 'xstate';
import type { Command, Event } from '@ltc/domain';
import { deciderSpec, SpecFailedError } from './decider-spec';
import { InvalidCommandError } from './refusal';
import { defineWorkflow } from './workflow';

type Filed = Event<'Filed', { title: string; pages: number; signed: boolean }>;
type C = Command<'File', { title: string; pages: number; signed: boolean }>;

const machine = setup({
  types: { context: {} as { title: string }, events: {} as Filed },
  guards: {
    hasPages: ({ event }) => event.data.pages > 0,
    signed: ({ event }) => event.data.signed,
    complete: and(['hasPages', 'signed']),
  },
  actions: { file: assign({ title: ({ event }) => event.data.title }) },
}).createMachine({
  id: 'paper',
  context: { title: '' },
  initial: 'empty',
  states: { empty: { on: { Filed: { target: 'filed', guard: 'complete', actions: 'file' } } }, filed: {} },
});

const paper = defineWorkflow<typeof machine, C, null>({
  name: 'paper',
  version: 1,
  machine,
  refusalTexts: { hasPages: 'a paper needs pages', signed: 'a paper must be signed' },
  commands: {
    File: {
      produces: 'Filed',
      build: (c) => {
        if (c.data.title === '') throw new InvalidCommandError('File', 'title', 'must not be empty');
        return { type: 'Filed', data: { ...c.data } };
      },
    },
  },
});

const given = deciderSpec(paper, { at: '2026-01-01T00:00:00.000Z', actor: 'u1', policy: null });
const file = (data: Partial<C['data']>): C => ({
  type: 'File',
  data: { title: 't', pages: 1, signed: true, ...data },
});

describe('deciderSpec', () => {
  it('given no events, when a valid command, then its events', () => {
    const decision = given([])
      .when(file({}))
      .then([{ type: 'Filed', data: { title: 't', pages: 1, signed: true } }]);
    expect(decision.state.value).toBe('filed');
  });

  it('names the failing part of a composite guard', () => {
    expect(
      given([])
        .when(file({ pages: 0 }))
        .thenRefuses('hasPages').reason,
    ).toBe('a paper needs pages');
    expect(
      given([])
        .when(file({ signed: false }))
        .thenRefuses('signed').reason,
    ).toBe('a paper must be signed');
  });

  it('reports a state that does not take the event', () => {
    const filed = { type: 'Filed', data: { title: 't', pages: 1, signed: true } } as const;
    expect(given([filed]).when(file({})).thenRefuses('transitionNotAllowed').allowed).toEqual([]);
  });

  it('checks invalid command data', () => {
    expect(
      given([])
        .when(file({ title: '' }))
        .thenInvalid('title').message,
    ).toBe('File.title must not be empty');
  });

  it('fails readably when the expectation does not hold', () => {
    expect(() => given([]).when(file({})).then([])).toThrow(SpecFailedError);
    expect(() => given([]).when(file({})).thenRefuses('signed')).toThrow(/expected refusal by rule "signed"/);
    expect(() =>
      given([])
        .when(file({ pages: 0 }))
        .thenInvalid('title'),
    ).toThrow(/refused/);
  });
});
