/**
 * Applies a lifecycle-machine event clicked on a diagram to an object of the last run, through
 * the machine-event → model-call tables of `sandbox/machines`, so a click produces exactly the
 * trace and log the same call makes from code. Each table row acts on a "world" (the object plus
 * the bookkeeping a driver would keep, such as the mappings it holds); a world is made on the
 * first click on an object and kept for the next ones.
 */
import type { dma_buf, dma_buf_attachment } from '../linux/dma-buf.ts';
import type { dma_fence } from '../linux/dma-fence.ts';
import { dma_fence_event_table, fence_world_of } from '../machines/event-table.ts';
import { attachment_world_of, dma_buf_attachment_event_table, dma_buf_event_table, dma_buf_world_of } from '../machines/event-table-dma-buf.ts';
import type { ProgramRun, RunSink } from './program.ts';
import type { Done, EventRequest } from './protocol.ts';

type Table = Record<string, ((world: never) => void) | undefined>;

/** Per machine: its table and how to make a world around an object the program created. */
const MACHINES: Record<string, { table: Table; world: (obj: object) => object }> = {
  dma_fence: { table: dma_fence_event_table as Table, world: (obj) => fence_world_of(obj as dma_fence) },
  dma_buf: { table: dma_buf_event_table as Table, world: (obj) => dma_buf_world_of(obj as dma_buf) },
  dma_buf_attachment: { table: dma_buf_attachment_event_table as Table, world: (obj) => attachment_world_of(obj as dma_buf_attachment) },
};

const worlds = new WeakMap<object, object>();

export function applyMachineEvent(last: ProgramRun | undefined, m: EventRequest, sink: RunSink): Omit<Done, 'type' | 'runId'> {
  const t0 = Date.now();
  if (!last) return { status: 'error', message: 'Run the program first: diagram events act on the objects it created.', virtualNs: 0, wallMs: 0 };
  const done = (status: Done['status'], message?: string) => ({ status, message, virtualNs: last.kernel.clock.ns, wallMs: Date.now() - t0 });
  if (last.kernel.oops) return done('oops', `The kernel already oopsed (${last.kernel.oops.summary}); run again.`);
  const obj = last.objects.get(m.obj);
  if (!obj) return done('error', `Object ${m.obj} was not created by this run.`);
  const machine = MACHINES[m.machine];
  const row = machine?.table[m.event];
  if (!machine || !row) return done('error', `No model call for ${m.machine} event '${m.event}'.`);
  let world = worlds.get(obj);
  if (!world) worlds.set(obj, (world = machine.world(obj)));
  last.sink = sink;
  try {
    const r = last.kernel.run(() => row(world as never));
    if (r.oops) return done('oops', r.oops.message);
  } catch (e) {
    return done('error', `${m.event} on ${m.machine} #${m.obj}: ${e instanceof Error ? e.message : String(e)}`);
  }
  return done('ok');
}
