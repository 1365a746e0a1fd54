/**
 * Applies a lifecycle-machine event clicked on a diagram to an object of the last run, through
 * the machine-event → model-call table of `sandbox/machines`, so a click produces exactly the
 * trace and log the same call makes from code.
 */

import { dma_fence_event_table } from '../machines/event-table.ts';
import type { dma_fence } from '../linux/dma-fence.ts';
import type { ProgramRun, RunSink } from './program.ts';
import type { Done, EventRequest } from './protocol.ts';

type Row = (obj: object) => void;

/** Machine id → event → how to apply it to the object the diagram shows. */
function rowFor(machine: string, event: string): Row | undefined {
  if (machine === 'dma_fence') {
    const row = (dma_fence_event_table as Record<string, ((w: { fence: dma_fence; cbs: never[] }) => void) | undefined>)[event];
    return row ? (obj) => row({ fence: obj as dma_fence, cbs: [] }) : undefined;
  }
  return undefined;
}

export function applyMachineEvent(last: ProgramRun | undefined, m: EventRequest, sink: RunSink): Omit<Done, 'type' | 'runId'> {
  const t0 = Date.now();
  if (!last) return { status: 'error', message: 'Run the program first: diagram events act on the objects it created.', virtualNs: 0, wallMs: 0 };
  const done = (status: Done['status'], message?: string) => ({ status, message, virtualNs: last.kernel.clock.ns, wallMs: Date.now() - t0 });
  if (last.kernel.oops) return done('oops', `The kernel already oopsed (${last.kernel.oops.summary}); run again.`);
  const obj = last.objects.get(m.obj);
  if (!obj) return done('error', `Object ${m.obj} was not created by this run.`);
  const row = rowFor(m.machine, m.event);
  if (!row) return done('error', `No model call for ${m.machine} event '${m.event}'.`);
  last.sink = sink;
  const r = last.kernel.run(() => row(obj));
  if (r.oops) return done('oops', r.oops.message);
  return done('ok');
}

