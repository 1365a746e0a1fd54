/**
 * Walks an XState v5 machine definition (`machine.root` and its state nodes) into a
 * {@link MachineGraph}: every state with its type, parent, children and initial child, and every
 * transition with its event type, source, target and guard. Pure: no layout, no I/O.
 * @module
 */
import type { AnyStateMachine, AnyStateNode } from 'xstate';
import type { MachineGraph, StateInfo, StateKind, TransitionInfo } from './types.ts';

/** The state id used in graphs and layouts: the state path below the root, joined with `.`. */
export function stateId(node: Pick<AnyStateNode, 'path'>): string {
  return node.path.join('.');
}

/**
 * Describes a guard in words. Named guards give their name (`hasCallbacks`); the built-in
 * higher-order guards are spelled out: `not(g)` → `!g`, `and([a, b])` → `a && b`,
 * `or([a, b])` → `a || b`, `stateIn({ lifecycle: 'pending' })` → `in(lifecycle.pending)`.
 * Inline functions give their function name, or `guard` when anonymous.
 */
export function describeGuard(guard: unknown): string {
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'function') {
    const g = guard as { name?: string; guards?: unknown[]; stateValue?: unknown };
    if (g.name === 'not' && g.guards) return `!${describeGuard(g.guards[0])}`;
    if (g.name === 'and' && g.guards) return g.guards.map(describeGuard).join(' && ');
    if (g.name === 'or' && g.guards) return g.guards.map(describeGuard).join(' || ');
    if (g.name === 'stateIn' && g.stateValue !== undefined) return `in(${stateValuePaths(g.stateValue).join(', ')})`;
    return g.name || 'guard';
  }
  if (guard && typeof guard === 'object' && 'type' in guard) return String((guard as { type: unknown }).type);
  return 'guard';
}

/** The leaf paths of a state value: `{ a: 'b', c: { d: 'e' } }` → `['a.b', 'c.d.e']`; a string is one path. */
export function stateValuePaths(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix + value];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => (v && typeof v === 'object' && Object.keys(v).length === 0 ? [prefix + k] : stateValuePaths(v, `${prefix}${k}.`)));
  }
  return [];
}

/** The event label of a transition: the event type, with XState's delayed and eventless forms in words. */
function eventLabel(eventType: string): string {
  const after = /^xstate\.after\.(\w+)\./.exec(eventType);
  if (after) return `after ${after[1]}${/^\d+$/.test(after[1]) ? 'ms' : ''}`;
  if (eventType === '') return 'always';
  return eventType;
}

function kindOf(node: AnyStateNode): StateKind | undefined {
  return node.type === 'history' ? undefined : node.type;
}

/**
 * Walks `machine.root` depth first in document order and returns the machine's states and
 * transitions. A targetless transition (actions only) and a self-transition both become an edge
 * from the state to itself; a transition with several targets (into parallel regions) becomes one
 * edge per target. History states are skipped.
 */
export function walkMachine(machine: AnyStateMachine): MachineGraph {
  const states: StateInfo[] = [];
  const transitions: TransitionInfo[] = [];

  const visit = (node: AnyStateNode): void => {
    const kind = kindOf(node);
    if (!kind) return;
    const id = stateId(node);
    const children = Object.values(node.states as Record<string, AnyStateNode>).filter((c) => kindOf(c));
    const info: StateInfo = { id, key: node.key, kind, children: children.map(stateId) };
    if (node.parent) info.parent = stateId(node.parent);
    if (kind === 'compound') {
      const target = node.initial.target[0];
      if (target) info.initial = stateId(target);
    }
    if (node.description) info.description = node.description;
    states.push(info);

    const all = [...node.transitions.entries()].map(([event, list]) => [eventLabel(event), list] as const);
    if (node.always?.length) all.push(['always', node.always]);
    for (const [event, list] of all) {
      list.forEach((t, index) => {
        const targets = t.target?.length ? t.target : undefined;
        const guard = t.guard === undefined ? undefined : describeGuard(t.guard);
        for (const [i, target] of (targets ?? [node]).entries()) {
          const tr: TransitionInfo = {
            id: `${id}:${event}:${index}${i ? `.${i}` : ''}`,
            event,
            source: id,
            target: stateId(target),
            internal: !targets,
          };
          if (guard) tr.guard = guard;
          transitions.push(tr);
        }
      });
    }
    for (const c of children) visit(c);
  };
  visit(machine.root);
  return { machine: machine.id, states, transitions };
}
