/**
 * The objects of a run and their lifecycle states at any step. Objects are found in the trace
 * (`state` events name their class and id); their states come from replaying those events on the
 * XState machines of `sandbox/machines` — the same machines the conformance tests hold to the
 * model — so what the diagrams show is what the model did.
 */
import { getInitialSnapshot, getNextSnapshot, type AnyStateMachine, type AnyMachineSnapshot } from 'xstate';
import type { TraceEvent } from '../../../sandbox/kernel/trace';
import { LIFECYCLE_CLASSES, machineEvent } from './machines';

export interface RunObject {
  /** `dma_fence#3` */
  key: string;
  cls: string;
  obj: number;
  /** Shown in the object picker: `dma_fence #3 (demo)`. */
  label: string;
  /** Machine id drawn for this object, when there is one. */
  machine?: string;
}

/** Objects that had lifecycle events, in order of first appearance. */
export function objectsOf(trace: readonly TraceEvent[]): RunObject[] {
  const seen = new Map<string, RunObject>();
  for (const e of trace) {
    if (e.kind !== 'state' || !e.obj) continue;
    const key = `${e.cls}#${e.obj}`;
    if (!seen.has(key)) {
      const hint = typeof e.args?.name === 'string' ? ` (${e.args.name})` : typeof e.args?.exp_name === 'string' ? ` (${e.args.exp_name})` : '';
      seen.set(key, { key, cls: e.cls, obj: e.obj, label: `${e.cls} #${e.obj}${hint}`, machine: LIFECYCLE_CLASSES[e.cls] ? e.cls : undefined });
    }
  }
  return [...seen.values()];
}

export interface ObjectState {
  /** Active state paths (`lifecycle.pending`). */
  active: string[];
  /** The last transition taken at or before the step. */
  lastTransition?: { event: string; from: string[]; to: string[] };
  /** Events the machine accepts now. */
  enabledEvents: string[];
}

/** Flattens an XState state value to dotted paths of its active leaves. */
export function activePaths(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [`${prefix}${value}`];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => activePaths(v, `${prefix}${k}.`));
  return [];
}

function enabled(machine: AnyStateMachine, snap: AnyMachineSnapshot): string[] {
  return [...machine.events].filter((type) => snap.can({ type }));
}

/** The state of `object` after the first `step` trace events (all of them when step is undefined). */
export function stateAt(trace: readonly TraceEvent[], object: RunObject, step?: number): ObjectState | undefined {
  const cls = object.machine ? LIFECYCLE_CLASSES[object.machine] : undefined;
  if (!cls) return undefined;
  const machine = cls.machine;
  let snap: AnyMachineSnapshot | undefined;
  let last: ObjectState['lastTransition'];
  const end = step ?? trace.length;
  for (let i = 0; i < end && i < trace.length; i++) {
    const e = trace[i];
    if (e.kind !== 'state' || e.cls !== object.cls || e.obj !== object.obj) continue;
    if (e.name === cls.start) {
      // The creating event starts the machine (with the input it carries).
      snap = getInitialSnapshot(machine, cls.input?.(e)) as AnyMachineSnapshot;
      last = { event: e.name, from: [], to: activePaths(snap.value) };
      continue;
    }
    if (!snap) continue;
    const event = machineEvent(e);
    if (!snap.can(event)) continue;
    const before = activePaths(snap.value);
    snap = getNextSnapshot(machine, snap, event) as AnyMachineSnapshot;
    last = { event: e.name, from: before, to: activePaths(snap.value) };
  }
  if (!snap) return undefined;
  return { active: activePaths(snap.value), lastTransition: last, enabledEvents: enabled(machine, snap) };
}
