import { describe, expect, it } from 'vitest';
import { and, not, setup, stateIn } from 'xstate';
import { describeGuard, stateValuePaths, walkMachine } from './walk.ts';

/** A small machine with every shape the diagrams draw: nesting, parallel regions, self-loops, guards, a final state. */
export const sampleMachine = setup({
  types: { events: {} as { type: 'go' | 'tick' | 'stop' | 'poke' | 'reset' } },
  guards: { ready: () => true },
}).createMachine({
  id: 'sample',
  initial: 'idle',
  states: {
    idle: { on: { go: 'busy', tick: { actions: () => {} } } },
    busy: {
      type: 'parallel',
      on: { stop: 'done', reset: { target: 'busy', reenter: true } },
      states: {
        left: {
          initial: 'a',
          states: {
            a: { on: { tick: { target: 'b', guard: 'ready' } } },
            b: { on: { tick: { target: 'a', guard: not(stateIn({ busy: { right: 'x' } })) }, poke: { actions: () => {} } } },
          },
        },
        right: {
          initial: 'x',
          states: {
            x: { on: { poke: { target: 'y', guard: and(['ready', stateIn({ busy: { left: 'b' } })]) } } },
            y: { type: 'final' },
          },
        },
      },
    },
    done: { type: 'final' },
  },
});

describe('walkMachine', () => {
  const g = walkMachine(sampleMachine);

  it('lists every state with its type, parent, children and initial child, in document order', () => {
    expect(g.machine).toBe('sample');
    expect(g.states.map((s) => [s.id, s.kind, s.parent ?? null, s.initial ?? null])).toEqual([
      ['', 'compound', null, 'idle'],
      ['idle', 'atomic', '', null],
      ['busy', 'parallel', '', null],
      ['busy.left', 'compound', 'busy', 'busy.left.a'],
      ['busy.left.a', 'atomic', 'busy.left', null],
      ['busy.left.b', 'atomic', 'busy.left', null],
      ['busy.right', 'compound', 'busy', 'busy.right.x'],
      ['busy.right.x', 'atomic', 'busy.right', null],
      ['busy.right.y', 'final', 'busy.right', null],
      ['done', 'final', '', null],
    ]);
    expect(g.states[0].key).toBe('sample');
    expect(g.states.find((s) => s.id === 'busy')!.children).toEqual(['busy.left', 'busy.right']);
  });

  it('lists every transition with event, source, target, guard; targetless ones and reentering ones are self-loops', () => {
    expect(g.transitions.map((t) => [t.event, t.source, t.target, t.guard ?? null, t.internal])).toEqual([
      ['go', 'idle', 'busy', null, false],
      ['tick', 'idle', 'idle', null, true],
      ['stop', 'busy', 'done', null, false],
      ['reset', 'busy', 'busy', null, false],
      ['tick', 'busy.left.a', 'busy.left.b', 'ready', false],
      ['tick', 'busy.left.b', 'busy.left.a', '!in(busy.right.x)', false],
      ['poke', 'busy.left.b', 'busy.left.b', null, true],
      ['poke', 'busy.right.x', 'busy.right.y', 'ready && in(busy.left.b)', false],
    ]);
    expect(new Set(g.transitions.map((t) => t.id)).size).toBe(g.transitions.length);
  });
});

describe('guards and state values in words', () => {
  it('describes named, object and higher-order guards', () => {
    expect(describeGuard('hasCallbacks')).toBe('hasCallbacks');
    expect(describeGuard({ type: 'isDynamic' })).toBe('isDynamic');
    expect(describeGuard(not(stateIn({ lifecycle: 'released' })))).toBe('!in(lifecycle.released)');
    expect(describeGuard(function myCheck() { return true; })).toBe('myCheck');
  });

  it('flattens state values to leaf paths', () => {
    expect(stateValuePaths({ a: 'b', c: { d: 'e' } })).toEqual(['a.b', 'c.d.e']);
    expect(stateValuePaths('idle')).toEqual(['idle']);
  });
});
