/**
 * Signalling a fence and its callbacks (`drivers/dma-buf/dma-fence.c`, v6.12):
 * dma_fence_signal*() mark the fence signaled once, stamp the time and run the
 * queued callbacks in order with the fence lock held; dma_fence_add_callback()
 * and dma_fence_remove_callback() manage the queue; dma_fence_enable_sw_signaling()
 * asks the provider to signal; the is_signaled, get_status, set_error and
 * timestamp accessors of `linux/dma-fence.h`.
 * @module
 */
import * as current_h from '../kernel/current.js';
import * as errno_h from '../kernel/errno.js';
import * as spinlock_h from '../kernel/spinlock.js';
import * as internal_h from './dma-fence-internal.js';
import { MAX_ERRNO } from '../kernel/errno.js';
import { WARN_ON, type Site } from '../kernel/bug.js';
import { kasan_check } from '../kernel/kasan.js';
import { lockdep_assert_held } from '../kernel/lockdep.js';
import { DMA_FENCE_FLAG_SIGNALED_BIT, DMA_FENCE_FLAG_TIMESTAMP_BIT, test_bit, type dma_fence, type dma_fence_cb, type dma_fence_func_t } from './dma-fence-types.js';

// Bound once at load rather than read per call: where the model runs as CommonJS
// (tsx), every use of an imported binding is an export getter call, and on the
// fence hot paths (millions of chain callbacks in st-dma-fence-chain) those cost
// more than the model's own work. The modules bound here sit below this one in the
// import graph (no cycle), so they are fully loaded when this runs.
const { K } = current_h;
const { EINVAL, ENOENT } = errno_h;
const { spin_lock, spin_unlock } = spinlock_h;
const { tr } = internal_h;

const F = 'drivers/dma-buf/dma-fence.c';
const H = 'include/linux/dma-fence.h';

/* WARN sites of the hot paths, allocated once rather than per call. */
const SITE_ADD_CALLBACK: Site = [F, 649, 'dma_fence_add_callback'];
const SITE_SIGNAL_LOCKED: Site = [F, 373, 'dma_fence_signal_timestamp_locked'];

/**
 * Signal with a given timestamp; the fence lock must be held (lockdep WARN otherwise).
 * Returns 0, or -EINVAL if the fence had already signaled. Runs the queued
 * callbacks in order, with the lock held (atomic context: they must not sleep).
 * Mirrors `drivers/dma-buf/dma-fence.c: dma_fence_signal_timestamp_locked, v6.12`.
 * @param timestamp virtual ns.
 */
export function dma_fence_signal_timestamp_locked(fence: dma_fence, timestamp: number): number {
  if (fence.__kfreed) kasan_check(fence, 'dma_fence_signal_timestamp_locked');
  if (fence.lock.owner === null) lockdep_assert_held(fence.lock, SITE_SIGNAL_LOCKED);
  if (fence.flags & 1) return -EINVAL;
  fence.flags |= 1;
  // list_replace(&fence->cb_list, &cb_list): the callbacks run from a detached list
  let cur = fence.cb_list;
  fence.cb_list = null;
  fence.__cb_tail = null;
  fence.timestamp = timestamp;
  fence.flags |= 1 << DMA_FENCE_FLAG_TIMESTAMP_BIT;
  const t = tr();
  if (t.enabled) {
    let callbacks = 0;
    for (let c = cur; c; c = c.__next) callbacks++;
    t.emit('state', 'signal', 'dma_fence', fence.__id, undefined, { error: fence.error, callbacks });
  }
  while (cur) {
    // list_for_each_entry_safe: a callback may queue its node elsewhere
    const next = cur.__next;
    cur.__next = cur.__prev = null;
    cur.node = null;
    t.emit('callback', 'dma_fence_func_t', 'dma_fence', fence.__id);
    cur.func!(fence, cur);
    cur = next;
  }
  return 0;
}

/**
 * Signal with a given timestamp, taking the fence lock. -EINVAL for NULL or if
 * already signaled. Mirrors `drivers/dma-buf/dma-fence.c: dma_fence_signal_timestamp, v6.12`.
 */
export function dma_fence_signal_timestamp(fence: dma_fence | null, timestamp: number): number {
  if (!fence) return -EINVAL;
  spin_lock(fence.lock);
  const r = dma_fence_signal_timestamp_locked(fence, timestamp);
  spin_unlock(fence.lock);
  return r;
}

/**
 * Signal now; the fence lock must be held. Returns 0 or -EINVAL if already signaled.
 * Mirrors `drivers/dma-buf/dma-fence.c: dma_fence_signal_locked, v6.12`.
 */
export function dma_fence_signal_locked(fence: dma_fence): number {
  return dma_fence_signal_timestamp_locked(fence, K().clock.ns);
}

/**
 * Signal now: take the lock, mark signaled, stamp the time, run the callbacks.
 * Returns 0 on the first signal, -EINVAL for NULL or an already signaled fence.
 * Safe from atomic context. Mirrors `drivers/dma-buf/dma-fence.c: dma_fence_signal, v6.12`.
 */
export function dma_fence_signal(fence: dma_fence | null): number {
  if (!fence) return -EINVAL;
  const k = K();
  const cur = k.sched.current;
  // dma_fence_begin_signalling(), inline: nested and atomic sections take no cookie
  const cookie = cur.fence_signalling > 0 || cur.preempt_count > 0;
  if (!cookie) cur.fence_signalling++;
  spin_lock(fence.lock);
  const r = dma_fence_signal_timestamp_locked(fence, k.clock.ns);
  spin_unlock(fence.lock);
  if (!cookie) cur.fence_signalling--;
  k.trace.emit('call', 'dma_fence_signal', 'dma_fence', fence.__id, r);
  return r;
}

function __dma_fence_enable_signaling(fence: dma_fence): boolean {
  const was_set = (fence.flags & 4) !== 0;
  fence.flags |= 4;
  if (fence.flags & 1) return false;
  if (!was_set) {
    const t = tr();
    t.emit('state', 'enable_signaling', 'dma_fence', fence.__id);
    if (fence.ops.enable_signaling) {
      t.emit('callback', 'dma_fence_ops.enable_signaling', 'dma_fence', fence.__id);
      if (!fence.ops.enable_signaling(fence)) {
        dma_fence_signal_locked(fence);
        return false;
      }
    }
  }
  return true;
}

/**
 * Ask the provider to signal this fence in software (calls ops.enable_signaling
 * once, with the lock held; if it returns false the fence is signaled now).
 * Mirrors `drivers/dma-buf/dma-fence.c: dma_fence_enable_sw_signaling, v6.12`.
 */
export function dma_fence_enable_sw_signaling(fence: dma_fence): void {
  if (fence.__kfreed) kasan_check(fence, 'dma_fence_enable_sw_signaling');
  spin_lock(fence.lock);
  __dma_fence_enable_signaling(fence);
  spin_unlock(fence.lock);
}

/**
 * Queue `func` to run when `fence` signals. Returns 0 when queued; -ENOENT if
 * the fence has already signaled (the callback is NOT called); -EINVAL with a
 * WARN when `fence` or `func` is missing. Enables signalling.
 * Mirrors `drivers/dma-buf/dma-fence.c: dma_fence_add_callback, v6.12`.
 */
export function dma_fence_add_callback(fence: dma_fence | null, cb: dma_fence_cb, func: dma_fence_func_t | null): number {
  if (!fence || !func) {
    WARN_ON(true, SITE_ADD_CALLBACK);
    return -EINVAL;
  }
  if (fence.__kfreed) kasan_check(fence, 'dma_fence_add_callback');
  const t = K().trace;
  let ret = 0;
  if (fence.flags & 1) {
    cb.node = null;
    ret = -ENOENT;
  } else {
    spin_lock(fence.lock);
    if (__dma_fence_enable_signaling(fence)) {
      cb.func = func;
      cb.node = fence;
      // list_add_tail(&cb->node, &fence->cb_list)
      const tail = fence.__cb_tail;
      cb.__prev = tail;
      cb.__next = null;
      if (tail) tail.__next = cb;
      else fence.cb_list = cb;
      fence.__cb_tail = cb;
      t.emit('state', 'add_callback', 'dma_fence', fence.__id);
    } else {
      cb.node = null;
      ret = -ENOENT;
    }
    spin_unlock(fence.lock);
  }
  t.emit('call', 'dma_fence_add_callback', 'dma_fence', fence.__id, ret);
  return ret;
}

/**
 * Remove a queued callback. Returns true if it was still queued (and now will
 * not run), false if it already ran or was never added.
 * Mirrors `drivers/dma-buf/dma-fence.c: dma_fence_remove_callback, v6.12`.
 */
export function dma_fence_remove_callback(fence: dma_fence, cb: dma_fence_cb): boolean {
  if (fence.__kfreed) kasan_check(fence, 'dma_fence_remove_callback');
  spin_lock(fence.lock);
  const ret = cb.node !== null;
  if (ret) {
    const owner = cb.node!;
    // list_del_init(&cb->node)
    const { __prev: prev, __next: next } = cb;
    if (prev) prev.__next = next;
    else owner.cb_list = next;
    if (next) next.__prev = prev;
    else owner.__cb_tail = prev;
    cb.__next = cb.__prev = null;
    cb.node = null;
    tr().emit('state', 'remove_callback', 'dma_fence', owner.__id);
  }
  spin_unlock(fence.lock);
  return ret;
}

/**
 * True if signaled. If not yet marked but `ops.signaled` says it completed, the
 * fence is signaled now (side effect) and true is returned.
 * Mirrors `include/linux/dma-fence.h: dma_fence_is_signaled, v6.12`.
 */
export function dma_fence_is_signaled(fence: dma_fence): boolean {
  if (fence.__kfreed) kasan_check(fence, 'dma_fence_is_signaled');
  if (fence.flags & 1) return true;
  if (fence.ops.signaled && fence.ops.signaled(fence)) {
    dma_fence_signal(fence);
    return true;
  }
  return false;
}

/**
 * Like dma_fence_is_signaled() with the fence lock held.
 * Mirrors `include/linux/dma-fence.h: dma_fence_is_signaled_locked, v6.12`.
 */
export function dma_fence_is_signaled_locked(fence: dma_fence): boolean {
  if (fence.flags & 1) return true;
  if (fence.ops.signaled && fence.ops.signaled(fence)) {
    dma_fence_signal_locked(fence);
    return true;
  }
  return false;
}

/**
 * 0 if pending, 1 if signaled without error, the (negative) error otherwise.
 * Lock held. Mirrors `include/linux/dma-fence.h: dma_fence_get_status_locked, v6.12`.
 */
export function dma_fence_get_status_locked(fence: dma_fence): number {
  if (dma_fence_is_signaled_locked(fence)) return fence.error || 1;
  return 0;
}

/**
 * 0 if pending, 1 if signaled without error, the (negative) error otherwise.
 * May signal the fence as a side effect (ops.signaled).
 * Mirrors `drivers/dma-buf/dma-fence.c: dma_fence_get_status, v6.12`.
 */
export function dma_fence_get_status(fence: dma_fence): number {
  if (fence.__kfreed) kasan_check(fence, 'dma_fence_get_status');
  spin_lock(fence.lock);
  const s = dma_fence_get_status_locked(fence);
  spin_unlock(fence.lock);
  return s;
}

/**
 * Record an error to report when the fence signals. WARNs if the fence already
 * signaled, and WARNs unless -MAX_ERRNO <= error < 0; stores it anyway.
 * Mirrors `include/linux/dma-fence.h: dma_fence_set_error, v6.12`.
 */
export function dma_fence_set_error(fence: dma_fence, error: number): void {
  if (fence.__kfreed) kasan_check(fence, 'dma_fence_set_error');
  WARN_ON(test_bit(DMA_FENCE_FLAG_SIGNALED_BIT, fence.flags), [H, 581, 'dma_fence_set_error']);
  WARN_ON(error >= 0 || error < -MAX_ERRNO, [H, 582, 'dma_fence_set_error']);
  fence.error = error;
  tr().emit('state', 'set_error', 'dma_fence', fence.__id, undefined, { error });
}

/**
 * Signal time (virtual ns). WARNs and returns "now" if the fence has not signaled.
 * Mirrors `include/linux/dma-fence.h: dma_fence_timestamp, v6.12`.
 */
export function dma_fence_timestamp(fence: dma_fence): number {
  if (WARN_ON(!test_bit(DMA_FENCE_FLAG_SIGNALED_BIT, fence.flags), [H, 597, 'dma_fence_timestamp'])) return K().clock.ns;
  return fence.timestamp;
}
