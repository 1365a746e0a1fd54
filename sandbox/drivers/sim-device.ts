/**
 * A simulated device with one in-order job queue (a "ring"): queuing a job
 * returns a fence that signals when the job completes, `duration_us` virtual
 * microseconds after it starts (it starts when the previous job completes).
 * Nothing runs until the virtual clock advances (a wait, a sleep, or
 * `kernel.sched.run_pending()`). Written like the fence code of a GPU driver:
 * one fence context per ring, seqnos in submission order.
 * @module
 */
import { K } from '../kernel/current.js';
import { NSEC_PER_USEC } from '../kernel/clock.js';
import {
  dma_fence, dma_fence_init, dma_fence_context_alloc, dma_fence_get, dma_fence_put, dma_fence_signal, dma_fence_set_error,
  spinlock_t, type dma_fence_ops,
} from '../linux/dma-fence.js';
import { device } from '../linux/device.js';

/** One device ring. */
export class sim_device {
  /** The device (for DMA mappings). */
  readonly dev: device;
  /** Fence context of the ring. */
  readonly context: number;
  /** Last seqno handed out. */
  seqno = 0;
  /** Virtual time (ns) at which the ring becomes idle. */
  busy_until = 0;
  /** Lock shared by the ring's fences. */
  readonly fence_lock = new spinlock_t('&ring->fence_lock');
  /** Jobs completed so far. */
  completed = 0;
  constructor(
    /** Device name, e.g. `gpu0`. */
    readonly name: string,
  ) {
    this.dev = new device(name);
    this.context = dma_fence_context_alloc(1);
  }
}

/** A job's fence. */
export class sim_job_fence extends dma_fence {
  /** The ring. */
  ring: sim_device = null as unknown as sim_device;
}

const sim_fence_ops: dma_fence_ops = {
  get_driver_name: () => 'sim_device',
  get_timeline_name: (f) => (f as sim_job_fence).ring.name,
};

/** Options of {@link sim_device_queue_job}. */
export interface sim_job {
  /** Run time in virtual microseconds. */
  duration_us: number;
  /** Work done when the job completes, before its fence signals. */
  run?: () => void;
  /** Negative errno the job fails with (set on the fence before it signals), or 0. */
  error?: number;
}

/**
 * Queue a job on `ring`; returns its fence (one reference for the caller). The
 * ring keeps its own reference until the fence has signaled.
 */
export function sim_device_queue_job(ring: sim_device, job: sim_job): dma_fence {
  const k = K();
  const f = new sim_job_fence();
  f.ring = ring;
  dma_fence_init(f, sim_fence_ops, ring.fence_lock, ring.context, ++ring.seqno);
  const start = Math.max(k.clock.ns, ring.busy_until);
  ring.busy_until = start + job.duration_us * NSEC_PER_USEC;
  dma_fence_get(f); // the ring's reference
  k.sched.add_timer(ring.busy_until - k.clock.ns, () => {
    job.run?.();
    if (job.error) dma_fence_set_error(f, job.error);
    ring.completed++;
    dma_fence_signal(f);
    dma_fence_put(f);
  });
  return f;
}
