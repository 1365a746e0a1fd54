/**
 * Text for the lifecycle diagrams: the accessible name of a diagram and the words for a
 * transition, shared by the SVG labels and the visually hidden list.
 * @module
 */
import type { MachineLayout, StateInfo, TransitionInfo } from '../../plugins/lifecycle/types';

/** A state's path for people: `lifecycle.pending`, or the machine id for the root. */
export function stateName(layout: MachineLayout, id: string): string {
  return id === '' ? layout.machine : id;
}

/** One transition in words: `signal: lifecycle.pending → lifecycle.signaled`, guard in brackets, or `(stays)` for a targetless one. */
export function transitionText(layout: MachineLayout, t: TransitionInfo): string {
  const guard = t.guard ? ` [${t.guard}]` : '';
  const to = t.internal ? ' (stays, runs actions)' : ` → ${stateName(layout, t.target)}`;
  return `${t.event}: ${stateName(layout, t.source)}${to}${guard}`;
}

/** The kind of a state in words, with its initial/final role. */
export function stateRole(layout: MachineLayout, s: StateInfo): string {
  const parent = s.parent === undefined ? undefined : layout.states.find((p) => p.id === s.parent);
  const roles: string[] = [];
  if (s.kind === 'parallel') roles.push('parallel: its regions are active together');
  else if (s.kind === 'compound') roles.push('compound: one child at a time');
  else if (s.kind === 'final') roles.push('final');
  if (parent?.initial === s.id) roles.push('initial');
  if (parent?.kind === 'parallel') roles.push('region');
  return roles.join(', ');
}

/** The accessible name of a diagram: the machine, its size, and the active states when known. */
export function diagramLabel(layout: MachineLayout, active: readonly string[] | undefined): string {
  const leaves = (active ?? []).filter((a) => !(active ?? []).some((b) => b.startsWith(`${a}.`)));
  const now = leaves.length ? ` Active: ${leaves.join(', ')}.` : '';
  return `State diagram of the struct ${layout.machine} lifecycle: ${layout.states.length} states, ${layout.transitions.length} transitions.${now}`;
}
