/**
 * Direction (2) of the machine ⇄ model conformance: feed the lifecycle
 * (`state`) events of a model trace to one actor per object and fail on any
 * event the machine does not accept in its current state. Used by the
 * conformance tests with the traces of the selftests and the examples.
 * @module
 */
import { createActor, type AnyStateMachine, type AnyActor } from 'xstate';
import type { TraceEvent } from '../kernel/trace.js';
import { dmaFenceMachine } from './dma-fence.machine.js';
import { dmaBufMachine } from './dma-buf.machine.js';
import { dmaBufAttachmentMachine } from './dma-buf-attachment.machine.js';

/** A lifecycle machine with the trace event that creates its object and the input that event gives. */
export interface LifecycleClass {
  machine: AnyStateMachine;
  /** Trace event creating the object (`init`, `export`, `attach`); the machine starts after it. */
  start: string;
  input?: (e: TraceEvent) => unknown;
}

/**
 * Per trace object class (`dma_fence`, ...): its machine, creating event and input. The one table
 * used by the conformance tests and by the pages' live diagrams.
 */
export const LIFECYCLE_CLASSES: Readonly<Record<string, LifecycleClass>> = {
  dma_fence: { machine: dmaFenceMachine, start: 'init' },
  dma_buf: { machine: dmaBufMachine, start: 'export' },
  dma_buf_attachment: {
    machine: dmaBufAttachmentMachine,
    start: 'attach',
    input: (e) => ({ dynamic: !!e.args?.dynamic, exporter_dynamic: !!e.args?.exporter_dynamic }),
  },
};

/** The machine event a lifecycle trace event stands for (map/unmap say whether the cached table is meant). */
export function machineEvent(e: TraceEvent): { type: string; cached?: boolean } {
  return e.name === 'map' || e.name === 'unmap' ? { type: e.name, cached: !!e.args?.cached } : { type: e.name };
}

/** Counts of events checked, per object class. */
export type TraceCheckResult = Record<string, number>;

/**
 * Accept `trace` or throw an Error naming the first unexpected event (its
 * class, object id, name and the machine's state). Objects created before the
 * trace began are skipped.
 */
export function accept_trace(trace: readonly TraceEvent[]): TraceCheckResult {
  const actors = new Map<string, AnyActor>();
  const checked: TraceCheckResult = {};
  for (const e of trace) {
    if (e.kind !== 'state') continue;
    const c = LIFECYCLE_CLASSES[e.cls];
    if (!c) continue;
    const key = `${e.cls}:${e.obj}`;
    if (e.name === c.start) {
      actors.set(key, createActor(c.machine, c.input ? { input: c.input(e) } : undefined).start());
      continue;
    }
    const a = actors.get(key);
    if (!a) continue;
    const ev = machineEvent(e);
    const snap = a.getSnapshot();
    if (!snap.can(ev))
      throw new Error(`unexpected ${e.name} for ${e.cls} ${e.obj} in ${JSON.stringify(snap.value)} ${JSON.stringify(snap.context)}`);
    a.send(ev);
    checked[e.cls] = (checked[e.cls] ?? 0) + 1;
  }
  return checked;
}
