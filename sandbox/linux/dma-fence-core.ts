/**
 * A fence's life (`drivers/dma-buf/dma-fence.c`, v6.12): dma_fence_init(),
 * fence contexts, and the reference count (get, get_rcu, get_rcu_safe, put)
 * whose last drop releases the fence (dma_fence_release, dma_fence_free).
 * @module
 */
import * as current_h from '../kernel/current.js';
import * as spinlock_h from '../kernel/spinlock.js';
import * as internal_h from './dma-fence-internal.js';
import * as signal_h from './dma-fence-signal.js';
import { WARN, WARN_ON, BUG_ON } from '../kernel/bug.js';
import { kasan_check, kfree } from '../kernel/kasan.js';
import { refcount_underflow, type kref } from '../kernel/refcount.js';
import type { spinlock_t } from '../kernel/spinlock.js';
import { DMA_FENCE_FLAG_SIGNALED_BIT, test_bit, type dma_fence, type dma_fence_ops } from './dma-fence-types.js';

// Bound once at load rather than read per call: where the model runs as CommonJS
// (tsx), every use of an imported binding is an export getter call, and on the
// fence hot paths (millions of chain callbacks in st-dma-fence-chain) those cost
// more than the model's own work. The modules bound here sit below this one in the
// import graph (no cycle), so they are fully loaded when this runs.
const { K } = current_h;
const { spin_lock, spin_unlock } = spinlock_h;
const { tr, fstate } = internal_h;
const { dma_fence_signal_locked } = signal_h;

const F = 'drivers/dma-buf/dma-fence.c';

/**
 * Initialise a fence: refcount 1, pending, no error.
 * BUGs (oops) if `lock` is missing, `ops` is missing, or it lacks get_driver_name/get_timeline_name.
 * Mirrors `drivers/dma-buf/dma-fence.c: dma_fence_init, v6.12`.
 * @param context from dma_fence_context_alloc(); @param seqno position on that context (u64).
 */
export function dma_fence_init(fence: dma_fence, ops: dma_fence_ops, lock: spinlock_t, context: number, seqno: number): void {
  BUG_ON(!lock, [F, 1011, 'dma_fence_init']);
  BUG_ON(!ops || !ops.get_driver_name || !ops.get_timeline_name, [F, 1012, 'dma_fence_init']);
  const k = K();
  fence.refcount = 1;
  fence.ops = ops;
  fence.cb_list = null;
  fence.__cb_tail = null;
  fence.lock = lock;
  fence.context = context;
  fence.seqno = seqno;
  fence.flags = 0;
  fence.error = 0;
  fence.__kfreed = false;
  fence.__id = k.nextId();
  k.trace.emit('state', 'init', 'dma_fence', fence.__id, undefined, { context, seqno });
}

/**
 * Allocate `num` consecutive fence contexts and return the first. Counting starts
 * at 1 (context 0 is the stub's). WARNs when `num` is 0.
 * Mirrors `drivers/dma-buf/dma-fence.c: dma_fence_context_alloc, v6.12`.
 */
export function dma_fence_context_alloc(num: number): number {
  WARN_ON(!num, [F, 189, 'dma_fence_context_alloc']);
  const s = fstate();
  const c = s.context_counter;
  s.context_counter += num;
  return c;
}

/**
 * Take a reference; NULL-safe. Returns `fence`. A get on a released fence is a
 * refcount "addition on 0" (oops); on a freed one, a KASAN use-after-free (oops).
 * Mirrors `include/linux/dma-fence.h: dma_fence_get, v6.12`.
 */
export function dma_fence_get<T extends dma_fence | null | undefined>(fence: T): T {
  if (fence) {
    if (fence.__kfreed) kasan_check(fence, 'dma_fence_get');
    if (fence.refcount === 0) refcount_underflow('dma_fence_get');
    fence.refcount++;
  }
  return fence;
}

/**
 * Take a reference unless the count already dropped to 0; returns the fence or null.
 * Mirrors `include/linux/dma-fence.h: dma_fence_get_rcu, v6.12`.
 */
export function dma_fence_get_rcu(fence: dma_fence): dma_fence | null {
  if (fence.refcount === 0 || fence.__kfreed) return null;
  fence.refcount++;
  return fence;
}

/**
 * Read a fence pointer from `holder[key]` and take a reference, retrying while
 * it changes. Mirrors `include/linux/dma-fence.h: dma_fence_get_rcu_safe, v6.12`
 * (the `__rcu **` argument becomes an object and a key).
 */
export function dma_fence_get_rcu_safe<O extends object, Key extends keyof O>(holder: O, key: Key): dma_fence | null {
  for (;;) {
    const fence = holder[key] as unknown as dma_fence | null;
    if (!fence) return null;
    if (!dma_fence_get_rcu(fence)) continue;
    if (fence === (holder[key] as unknown)) return fence;
    dma_fence_put(fence);
  }
}

/**
 * Drop a reference; NULL-safe. At 0 the fence is released (dma_fence_release).
 * Putting a freed fence is a KASAN use-after-free; below 0, a refcount underflow (both oops).
 * Mirrors `include/linux/dma-fence.h: dma_fence_put, v6.12`.
 */
export function dma_fence_put(fence: dma_fence | null | undefined): void {
  if (!fence) return;
  if (fence.__kfreed) kasan_check(fence, 'dma_fence_put');
  if (fence.refcount <= 0) refcount_underflow('dma_fence_put');
  if (--fence.refcount === 0) dma_fence_release(fence);
}

/**
 * Default release when the last reference goes. If callbacks are still queued on
 * an unsignaled fence it WARNs "Fence %s:%s:%llx:%llx released with pending
 * signals!", sets error -EDEADLK and signals. Then calls `ops.release` or
 * dma_fence_free(). Mirrors `drivers/dma-buf/dma-fence.c: dma_fence_release, v6.12`
 * (its argument there is the kref; here the fence).
 */
export function dma_fence_release(fence: dma_fence | kref): void {
  const f = fence as dma_fence;
  if (
    WARN(
      f.cb_list !== null && !test_bit(DMA_FENCE_FLAG_SIGNALED_BIT, f.flags),
      [F, 538, 'dma_fence_release'],
      `Fence ${f.ops.get_driver_name(f)}:${f.ops.get_timeline_name(f)}:${f.context.toString(16)}:${f.seqno.toString(16)} released with pending signals!`,
    )
  ) {
    spin_lock(f.lock);
    f.error = -35; /* -EDEADLK */
    dma_fence_signal_locked(f);
    spin_unlock(f.lock);
  }
  tr().emit('state', 'release', 'dma_fence', f.__id);
  if (f.ops.release) {
    K().trace.emit('callback', 'dma_fence_ops.release', 'dma_fence', f.__id);
    f.ops.release(f);
  } else dma_fence_free(f);
}

/** Free a fence (RCU-delayed in the kernel). Mirrors `drivers/dma-buf/dma-fence.c: dma_fence_free, v6.12`. */
export function dma_fence_free(fence: dma_fence): void {
  kfree(fence, 'dma_fence_free');
}
