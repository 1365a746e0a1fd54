/**
 * The one table mapping each machine event to the model call(s) that cause it.
 * Used by the playground (click an event → run the call) and by the
 * conformance tests (replay generated paths on the model).
 * @module
 */
import { dma_fence, dma_fence_cb, dma_fence_init, dma_fence_context_alloc, dma_fence_enable_sw_signaling, dma_fence_add_callback,
  dma_fence_remove_callback, dma_fence_set_error, dma_fence_signal, dma_fence_put, spinlock_t } from '../linux/dma-fence.js';
import { EIO } from '../linux/errno.js';
import type { DmaFenceMachineEvent } from './dma-fence.machine.js';

/** A fence under test plus the callbacks queued on it. */
export interface FenceWorld {
  fence: dma_fence;
  cbs: dma_fence_cb[];
}

/** Create the object the dma_fence machine starts from (after `init`). */
export function fence_world(): FenceWorld {
  const fence = new dma_fence();
  dma_fence_init(fence, { get_driver_name: () => 'machine', get_timeline_name: () => 'replay' }, new spinlock_t(), dma_fence_context_alloc(1), 1);
  return fence_world_of(fence);
}

/** The world around a fence some other code created (a diagram click on a reader's fence). */
export function fence_world_of(fence: dma_fence): FenceWorld {
  return { fence, cbs: [] };
}

/** dma_fence machine event → model call. */
export const dma_fence_event_table: Record<DmaFenceMachineEvent['type'], (w: FenceWorld) => void> = {
  enable_signaling: (w) => dma_fence_enable_sw_signaling(w.fence),
  add_callback: (w) => {
    const cb = new dma_fence_cb();
    if (dma_fence_add_callback(w.fence, cb, () => {}) === 0) w.cbs.push(cb);
  },
  remove_callback: (w) => {
    dma_fence_remove_callback(w.fence, w.cbs.pop()!);
  },
  set_error: (w) => dma_fence_set_error(w.fence, -EIO),
  signal: (w) => {
    dma_fence_signal(w.fence);
    w.cbs = [];
  },
  release: (w) => dma_fence_put(w.fence),
};

/** The machine state the model object is in: `{ lifecycle, signalling }`. */
export function fence_state(w: FenceWorld): { lifecycle: string; signalling: string } {
  const f = w.fence;
  return {
    lifecycle: f.__kfreed || f.refcount === 0 ? 'released' : f.flags & 1 ? 'signaled' : 'pending',
    signalling: f.flags & 4 ? 'enabled' : 'disabled',
  };
}

export * from './event-table-dma-buf.js';
