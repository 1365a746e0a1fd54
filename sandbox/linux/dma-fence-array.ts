/**
 * `linux/dma-fence-array.h` and `drivers/dma-buf/dma-fence-array.c` (v6.12):
 * one fence that signals when all (or, with signal_on_any, any one) of its
 * member fences have signaled.
 *
 * The array owns the member references it is given. Its error is the first
 * member error. Signalling after the last member is deferred through irq_work,
 * which the model runs as a zero-delay timer (at the next scheduling point:
 * any wait, sleep, or `kernel.sched.run_pending()`); dma_fence_is_signaled()
 * sees it at once through ops.signaled.
 * @module
 */
import { K } from '../kernel/current.js';
import { WARN_ON } from '../kernel/bug.js';
import { spinlock_t } from '../kernel/spinlock.js';
import {
  dma_fence, dma_fence_cb, dma_fence_init, dma_fence_get, dma_fence_put, dma_fence_add_callback,
  dma_fence_signal, dma_fence_free, dma_fence_is_signaled, dma_fence_set_deadline, dma_fence_is_container,
  DMA_FENCE_FLAG_ENABLE_SIGNAL_BIT, test_bit, __container_ops, type dma_fence_ops,
} from './dma-fence.js';

const A = 'drivers/dma-buf/dma-fence-array.c';
const PENDING_ERROR = 1;

/** `struct dma_fence_array_cb`: per-member callback node. */
export class dma_fence_array_cb extends dma_fence_cb {
  /** The array this node belongs to. */
  array: dma_fence_array | null = null;
}

/** `struct dma_fence_array`. */
export class dma_fence_array extends dma_fence {
  /** `base` is the array itself (the model's struct embedding). */
  get base(): dma_fence {
    return this;
  }
  /** The array's own lock. */
  readonly array_lock = new spinlock_t('&array->lock');
  /** Number of members. */
  num_fences = 0;
  /** Members still to signal before the array signals. */
  num_pending = 0;
  /** The members (references owned by the array). */
  fences: dma_fence[] = [];
  /** One callback node per member. */
  callbacks: dma_fence_array_cb[] = [];
}

function set_pending_error(array: dma_fence_array, error: number): void {
  if (error && array.error === PENDING_ERROR) array.error = error;
}
function clear_pending_error(array: dma_fence_array): void {
  if (array.error === PENDING_ERROR) array.error = 0;
}

function array_cb_func(f: dma_fence, cb: dma_fence_cb): void {
  const array = (cb as dma_fence_array_cb).array!;
  set_pending_error(array, f.error);
  if (--array.num_pending === 0) {
    // irq_work: deferred to the next scheduling point
    K().sched.add_timer(0, () => {
      clear_pending_error(array);
      dma_fence_signal(array);
      dma_fence_put(array);
    });
  } else dma_fence_put(array);
}

/** The ops of every dma_fence_array. Mirrors `drivers/dma-buf/dma-fence-array.c: dma_fence_array_ops, v6.12`. */
export const dma_fence_array_ops: dma_fence_ops = {
  get_driver_name: () => 'dma_fence_array',
  get_timeline_name: () => 'unbound',
  enable_signaling(fence) {
    const array = fence as dma_fence_array;
    for (let i = 0; i < array.num_fences; i++) {
      const cb = array.callbacks[i]!;
      cb.array = array;
      dma_fence_get(array);
      if (dma_fence_add_callback(array.fences[i]!, cb, array_cb_func)) {
        set_pending_error(array, array.fences[i]!.error);
        dma_fence_put(array);
        if (--array.num_pending === 0) {
          clear_pending_error(array);
          return false;
        }
      }
    }
    return true;
  },
  signaled(fence) {
    const array = fence as dma_fence_array;
    let num_pending = array.num_pending;
    if (test_bit(DMA_FENCE_FLAG_ENABLE_SIGNAL_BIT, array.flags)) {
      if (num_pending <= 0) {
        clear_pending_error(array);
        return true;
      }
      return false;
    }
    for (let i = 0; i < array.num_fences; i++) {
      if (dma_fence_is_signaled(array.fences[i]!) && !--num_pending) {
        clear_pending_error(array);
        return true;
      }
    }
    return false;
  },
  release(fence) {
    const array = fence as dma_fence_array;
    for (let i = 0; i < array.num_fences; i++) dma_fence_put(array.fences[i]);
    dma_fence_free(fence);
  },
  set_deadline(fence, deadline) {
    const array = fence as dma_fence_array;
    for (let i = 0; i < array.num_fences; i++) dma_fence_set_deadline(array.fences[i]!, deadline);
  },
};
__container_ops.array = dma_fence_array_ops;

/** Allocate an uninitialised array for `num_fences` members. Mirrors `drivers/dma-buf/dma-fence-array.c: dma_fence_array_alloc, v6.12`. */
export function dma_fence_array_alloc(num_fences: number): dma_fence_array {
  const a = new dma_fence_array();
  for (let i = 0; i < num_fences; i++) a.callbacks.push(new dma_fence_array_cb());
  return a;
}

/**
 * Initialise an array over `fences` (their references move into the array).
 * WARNs for 0 members or a missing array, and for each member that is itself a container.
 * Mirrors `drivers/dma-buf/dma-fence-array.c: dma_fence_array_init, v6.12`.
 */
export function dma_fence_array_init(
  array: dma_fence_array, num_fences: number, fences: dma_fence[], context: number, seqno: number, signal_on_any: boolean,
): void {
  WARN_ON(!num_fences || !fences, [A, 203, 'dma_fence_array_init']);
  array.num_fences = num_fences;
  dma_fence_init(array, dma_fence_array_ops, array.array_lock, context, seqno);
  array.num_pending = signal_on_any ? 1 : num_fences;
  array.fences = fences;
  array.error = PENDING_ERROR;
  let n = num_fences;
  while (n--) WARN_ON(dma_fence_is_container(fences[n]!), [A, 229, 'dma_fence_array_init']);
}

/**
 * Create an array fence; returns it (null only on allocation failure, which the model never simulates).
 * Mirrors `drivers/dma-buf/dma-fence-array.c: dma_fence_array_create, v6.12`.
 */
export function dma_fence_array_create(
  num_fences: number, fences: dma_fence[], context: number, seqno: number, signal_on_any: boolean,
): dma_fence_array | null {
  const array = dma_fence_array_alloc(num_fences);
  dma_fence_array_init(array, num_fences, fences, context, seqno, signal_on_any);
  return array;
}

/** The array behind `fence`, or null if it is not an array. Mirrors `include/linux/dma-fence-array.h: to_dma_fence_array, v6.12`. */
export function to_dma_fence_array(fence: dma_fence | null): dma_fence_array | null {
  if (!fence || fence.ops !== dma_fence_array_ops) return null;
  return fence as dma_fence_array;
}

/** True if `fence` (or every member of an array) is on `context`. Mirrors `drivers/dma-buf/dma-fence-array.c: dma_fence_match_context, v6.12`. */
export function dma_fence_match_context(fence: dma_fence, context: number): boolean {
  const array = to_dma_fence_array(fence);
  if (!array) return fence.context === context;
  for (let i = 0; i < array.num_fences; i++) if (array.fences[i]!.context !== context) return false;
  return true;
}

/** First member (or `head` itself if not an array). Mirrors `drivers/dma-buf/dma-fence-array.c: dma_fence_array_first, v6.12`. */
export function dma_fence_array_first(head: dma_fence | null): dma_fence | null {
  if (!head) return null;
  const array = to_dma_fence_array(head);
  if (!array) return head;
  if (!array.num_fences) return null;
  return array.fences[0]!;
}

/** Member `index`, or null past the end or for a non-array. Mirrors `drivers/dma-buf/dma-fence-array.c: dma_fence_array_next, v6.12`. */
export function dma_fence_array_next(head: dma_fence, index: number): dma_fence | null {
  const array = to_dma_fence_array(head);
  if (!array || index >= array.num_fences) return null;
  return array.fences[index]!;
}

/** `dma_fence_array_for_each(fence, index, head)` as an iterator of `[fence, index]`. Mirrors `include/linux/dma-fence-array.h, v6.12`. */
export function* dma_fence_array_for_each(head: dma_fence): Generator<[dma_fence, number]> {
  let index = 0;
  for (let f = dma_fence_array_first(head); f; f = dma_fence_array_next(head, ++index)) yield [f, index];
}
