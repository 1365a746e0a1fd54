/**
 * Pure helpers that relate a live machine snapshot to a laid-out diagram: which states are active,
 * which transitions are enabled, which edge a transition took. No React here.
 * @module
 */
import type { TransitionInfo } from '../../plugins/lifecycle/types';

/**
 * Every state path of an XState state value, ancestors included, in the diagrams' `.`-joined form:
 * `{ lifecycle: 'pending', signalling: 'disabled' }` →
 * `['lifecycle', 'lifecycle.pending', 'signalling', 'signalling.disabled']`.
 */
export function statePaths(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix + value];
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => [prefix + k, ...statePaths(v, `${prefix}${k}.`)]);
}

/** `true` when `path` is `state` or lies inside it (`lifecycle.pending` is within `lifecycle`; everything is within the root `''`). */
export function within(path: string, state: string): boolean {
  return state === '' || path === state || path.startsWith(`${state}.`);
}

/** `true` when some path of `paths` is `state` or inside it. */
export function anyWithin(paths: readonly string[], state: string): boolean {
  return paths.some((p) => within(p, state));
}

/**
 * `true` when a transition can be taken now: its event is enabled and, when the active states
 * are known, its source state is active.
 */
export function isEnabled(t: TransitionInfo, enabledEvents: readonly string[] | undefined, active: readonly string[] | undefined): boolean {
  if (!enabledEvents?.includes(t.event)) return false;
  return !active || active.length === 0 || anyWithin(active, t.source);
}

/** The transition a reader saw happen: its event, the active states before and after. */
export interface TakenTransition {
  event: string;
  from: string[];
  to: string[];
}

/**
 * The diagram edges a transition took: same event, source active before, and target active after
 * (or any target, for a targetless transition whose source is still active).
 */
export function takenEdges<T extends TransitionInfo>(transitions: readonly T[], taken: TakenTransition | undefined): T[] {
  if (!taken) return [];
  return transitions.filter((t) => t.event === taken.event && anyWithin(taken.from, t.source) && anyWithin(taken.to, t.target));
}
