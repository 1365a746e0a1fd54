/**
 * irq_work, mirroring `include/linux/irq_work.h` and `kernel/irq_work.c` (v6.12):
 * work queued from atomic context (e.g. a fence callback running under a
 * spinlock) that runs as soon as interrupts are enabled again.
 *
 * In the kernel, queuing raises a self-interrupt that fires when the queuing
 * CPU re-enables interrupts. The model runs the queued work when the current
 * task leaves atomic context (its last spin_unlock), or at the next scheduling
 * point if it was queued outside atomic context.
 * @module
 */
import * as current_h from './current.js';

// Bound once at load rather than read per call: where the model runs as CommonJS
// (tsx), every use of an imported binding is an export getter call, and on the
// fence hot paths (millions of chain callbacks in st-dma-fence-chain) those cost
// more than the model's own work.
const { K } = current_h;

/** `struct irq_work`. Initialise with {@link init_irq_work}. */
export class irq_work {
  /** The function to run. */
  func: ((work: irq_work) => void) | null = null;
  /** Queued and not yet run (`IRQ_WORK_PENDING`). */
  pending = false;
  /** @internal next work on the queue (`llnode`), or null. */
  __next: irq_work | null = null;
}

/** `init_irq_work(work, func)`. */
export function init_irq_work(work: irq_work, func: (work: irq_work) => void): void {
  work.func = func;
  work.pending = false;
}

/**
 * Queue `work` to run once interrupts are enabled again. Returns false if it
 * was already pending (it then runs once). Safe from atomic context.
 * Mirrors `kernel/irq_work.c: irq_work_queue, v6.12`.
 */
export function irq_work_queue(work: irq_work): boolean {
  if (work.pending) return false;
  const s = K().sched;
  // still linked (re-initialised while queued): it runs once, as it is
  if (work.__next !== null || s.irq_work_last === work) return false;
  work.pending = true;
  // llist_add, keeping queueing order
  if (s.irq_work_last) s.irq_work_last.__next = work;
  else s.irq_work_list = work;
  s.irq_work_last = work;
  if (s.current.preempt_count === 0) s.irq_work_run();
  return true;
}
