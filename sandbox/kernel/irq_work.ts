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
import { K } from './current.js';

/** `struct irq_work`. Initialise with {@link init_irq_work}. */
export class irq_work {
  /** The function to run. */
  func: ((work: irq_work) => void) | null = null;
  /** Queued and not yet run (`IRQ_WORK_PENDING`). */
  pending = false;
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
  work.pending = true;
  const s = K().sched;
  s.irq_work_list.push(work);
  if (s.current.preempt_count === 0) s.irq_work_run();
  return true;
}
