/**
 * The structures of `linux/dma-fence.h` (v6.12): the flag bits and their
 * bit helpers, `dma_fence_ops`, `dma_fence_func_t`, `dma_fence_cb` and
 * `dma_fence`. The functions are in the other dma-fence-*.ts modules;
 * dma-fence.ts re-exports them all.
 * @module
 */
import type { spinlock_t } from '../kernel/spinlock.js';

/** Bit number: the fence has signaled. */
export const DMA_FENCE_FLAG_SIGNALED_BIT = 0;
/** Bit number: `timestamp` is valid. */
export const DMA_FENCE_FLAG_TIMESTAMP_BIT = 1;
/** Bit number: software signalling was enabled (enable_signaling was called). */
export const DMA_FENCE_FLAG_ENABLE_SIGNAL_BIT = 2;
/** Bit number: first bit drivers may use for their own flags. */
export const DMA_FENCE_FLAG_USER_BITS = 3;

/** `test_bit(nr, &x->flags)`: pass the flags word by value. */
export function test_bit(nr: number, flags: number): boolean {
  return (flags & (1 << nr)) !== 0;
}

/** `set_bit(nr, &x->flags)`: pass the object whose `flags` to change. */
export function set_bit(nr: number, holder: { flags: number }): void {
  holder.flags |= 1 << nr;
}

/** `clear_bit(nr, &x->flags)`. */
export function clear_bit(nr: number, holder: { flags: number }): void {
  holder.flags &= ~(1 << nr);
}

/**
 * `struct dma_fence_ops`: what a fence provider implements. Only the two name
 * callbacks are required (dma_fence_init BUGs without them).
 */
export interface dma_fence_ops {
  /** Use 64-bit seqno comparison in dma_fence_is_later() instead of 32-bit wraparound. */
  use_64bit_seqno?: boolean;
  /** Driver name for debugging. Required. */
  get_driver_name(fence: dma_fence): string;
  /** Timeline name for debugging. Required. */
  get_timeline_name(fence: dma_fence): string;
  /**
   * Called once, with the fence lock held, when someone first needs the fence to
   * signal (callback, wait). Return false if the fence already signaled.
   */
  enable_signaling?(fence: dma_fence): boolean;
  /** Peek whether the fence has completed; may be called with or without the lock. */
  signaled?(fence: dma_fence): boolean;
  /** Custom wait. Returns remaining jiffies, 0 on timeout, or negative errno. */
  wait?(fence: dma_fence, intr: boolean, timeout: number): number;
  /** Called on the last put instead of dma_fence_free(). */
  release?(fence: dma_fence): void;
  /** Deadline hint (virtual ns). */
  set_deadline?(fence: dma_fence, deadline: number): void;
}

/** `dma_fence_func_t`: a callback run with the fence lock held when the fence signals. */
export type dma_fence_func_t = (fence: dma_fence, cb: dma_fence_cb) => void;

/**
 * `struct dma_fence_cb`: a callback node. Embed it (subclass it) to carry your
 * own data, then use it with dma_fence_add_callback(). One node can be queued on
 * one fence at a time.
 */
export class dma_fence_cb {
  /** The function to call, set by dma_fence_add_callback(). */
  func: dma_fence_func_t | null = null;
  /** Fence this node is queued on (the model's `!list_empty(&cb->node)`), or null. */
  node: dma_fence | null = null;
  /** @internal next node on the fence's `cb_list` (the list_head links of `node`). */
  __next: dma_fence_cb | null = null;
  /** @internal previous node on the fence's `cb_list`. */
  __prev: dma_fence_cb | null = null;
}

/**
 * `struct dma_fence`. Allocate with `new dma_fence()` (or a subclass that embeds
 * it) and initialise with dma_fence_init(); the object is then owned by its
 * references.
 */
export class dma_fence {
  /** The spinlock protecting the fence. */
  lock: spinlock_t = null as unknown as spinlock_t;
  /** Provider operations. */
  ops: dma_fence_ops = null as unknown as dma_fence_ops;
  /**
   * Pending callbacks, in the order they were added: the first node of an
   * intrusive list linked through the nodes themselves, as the kernel's
   * `struct list_head cb_list`; null when none is pending.
   */
  cb_list: dma_fence_cb | null = null;
  /** @internal last node of `cb_list` (appends are O(1)). */
  __cb_tail: dma_fence_cb | null = null;
  /** Signal time in virtual ns, valid once DMA_FENCE_FLAG_TIMESTAMP_BIT is set. */
  timestamp = 0;
  /** Execution context (u64) from dma_fence_context_alloc(). */
  context = 0;
  /** Sequence number within the context (u64). */
  seqno = 0;
  /** DMA_FENCE_FLAG_* bits. */
  flags = 0;
  /** Reference count (`struct kref refcount`). */
  refcount = 0;
  /** Error to report on signal: 0 or a negative errno. */
  error = 0;
  /** @internal model object id for traces. */
  __id = 0;
  /** @internal slab state. */
  __kfreed = false;
  /** @internal */
  __kfreed_by?: string;
}
