/**
 * `linux/dma-fence.h` and `drivers/dma-buf/dma-fence.c` (v6.12): cross-device
 * synchronisation points.
 *
 * A fence is created pending with one reference (dma_fence_init), signals at
 * most once (dma_fence_signal*), runs its queued callbacks in the order they
 * were added, with the fence lock held, at the moment it signals, and is
 * released when the last reference is dropped.
 *
 * Time: timestamps are virtual nanoseconds (`ktime_t`); wait timeouts are
 * jiffies (CONFIG_HZ of the kernel instance, 250 by default: 4 ms each).
 * @module
 */
import * as current_h from '../kernel/current.js';
import * as errno_h from '../kernel/errno.js';
import * as spinlock_h from '../kernel/spinlock.js';
import { ERESTARTSYS, MAX_ERRNO } from '../kernel/errno.js';
import { WARN, WARN_ON, BUG_ON, type Site } from '../kernel/bug.js';
import { kasan_check, kfree } from '../kernel/kasan.js';
import { refcount_underflow, kref } from '../kernel/refcount.js';
import { spinlock_t } from '../kernel/spinlock.js';
import { lockdep_assert_held, might_sleep } from '../kernel/lockdep.js';
import { MAX_SCHEDULE_TIMEOUT } from '../kernel/clock.js';
import { warn_report } from '../kernel/bug.js';

export { MAX_SCHEDULE_TIMEOUT } from '../kernel/clock.js';
export { spinlock_t, DEFINE_SPINLOCK, spin_lock_init, spin_lock, spin_unlock, spin_lock_irqsave, spin_unlock_irqrestore } from '../kernel/spinlock.js';

// Bound once at load rather than read per call: where the model runs as CommonJS
// (tsx), every use of an imported binding is an export getter call, and on the
// fence hot paths (millions of chain callbacks in st-dma-fence-chain) those cost
// more than the model's own work.
const { K } = current_h;
const { EINVAL, ENOENT } = errno_h;
const { spin_lock, spin_unlock } = spinlock_h;

const F = 'drivers/dma-buf/dma-fence.c';
const H = 'include/linux/dma-fence.h';

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

function tr(): import('../kernel/trace.js').TraceBuffer {
  return K().trace;
}

/* WARN sites of the hot paths, allocated once rather than per call. */
const SITE_ADD_CALLBACK: Site = [F, 649, 'dma_fence_add_callback'];
const SITE_SIGNAL_LOCKED: Site = [F, 373, 'dma_fence_signal_timestamp_locked'];

interface FenceState {
  context_counter: number;
  stub: dma_fence | null;
  stub_lock: spinlock_t;
}
const FENCE_STATE = Symbol('dma-fence');
function fstate(): FenceState {
  return K().subsys(FENCE_STATE, () => ({ context_counter: 1, stub: null, stub_lock: new spinlock_t('dma_fence_stub_lock') }));
}

const dma_fence_stub_ops: dma_fence_ops = {
  get_driver_name: () => 'stub',
  get_timeline_name: () => 'stub',
};

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

/**
 * Start a critical section that must not wait for fences (annotation only).
 * Returns a cookie for dma_fence_end_signalling(). Nested and atomic sections return true.
 * Mirrors `drivers/dma-buf/dma-fence.c: dma_fence_begin_signalling, v6.12`.
 */
export function dma_fence_begin_signalling(): boolean {
  const cur = K().sched.current;
  if (cur.fence_signalling > 0 || cur.preempt_count > 0) return true;
  cur.fence_signalling++;
  return false;
}

/** End a section started by dma_fence_begin_signalling(). Mirrors `drivers/dma-buf/dma-fence.c: dma_fence_end_signalling, v6.12`. */
export function dma_fence_end_signalling(cookie: boolean): void {
  if (cookie) return;
  K().sched.current.fence_signalling--;
}

/**
 * Annotate a possible wait: inside a signalling critical section this is the
 * lockdep "dma_fence_map" inversion; reported, continues.
 * Mirrors `drivers/dma-buf/dma-fence.c: __dma_fence_might_wait, v6.12`.
 */
export function __dma_fence_might_wait(func = 'dma_fence_wait_timeout'): void {
  const k = K();
  if (k.sched.current.fence_signalling > 0) {
    k.printk(
      4,
      [
        '======================================================',
        'WARNING: possible circular locking dependency detected',
        `${k.sched.current.comm}/${k.sched.current.pid} is trying to acquire lock: (dma_fence_map), at: ${func}`,
        'rule: code inside dma_fence_begin_signalling()/dma_fence_end_signalling() must not wait for a fence',
      ].join('\n'),
    );
  }
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

/**
 * The default wait: sleep until signaled, interrupted or timed out.
 * Returns remaining jiffies (> 0; `timeout` or 1 for timeout 0 when already
 * signaled), 0 on timeout, -ERESTARTSYS when interrupted (intr and a pending signal).
 * Waiting runs other tasks and timers on the virtual clock; an endless wait with
 * nothing left to run is a hang (oops).
 * Mirrors `drivers/dma-buf/dma-fence.c: dma_fence_default_wait, v6.12`.
 */
export function dma_fence_default_wait(fence: dma_fence, intr: boolean, timeout: number): number {
  const sched = K().sched;
  if (fence.flags & 1) return timeout ? timeout : 1;
  if (intr && sched.current.sigpending) return -ERESTARTSYS;
  if (!timeout) return 0;
  const r = sched.wait_until(() => (fence.flags & 1) !== 0, timeout, intr, `dma_fence_default_wait(${fence.ops.get_driver_name(fence)}:${fence.ops.get_timeline_name(fence)} seq ${fence.seqno})`);
  return r;
}

/**
 * Wait for a fence with a timeout (jiffies). Enables software signalling first,
 * then uses ops.wait or the default wait. Returns remaining jiffies (> 0), 0 on
 * timeout, -ERESTARTSYS when interrupted; WARN and -EINVAL for a negative
 * timeout. May sleep: reported from atomic context (e.g. a fence callback).
 * Mirrors `drivers/dma-buf/dma-fence.c: dma_fence_wait_timeout, v6.12`.
 */
export function dma_fence_wait_timeout(fence: dma_fence, intr: boolean, timeout: number): number {
  if (WARN_ON(timeout < 0, [F, 505, 'dma_fence_wait_timeout'])) return -EINVAL;
  if (fence.__kfreed) kasan_check(fence, 'dma_fence_wait_timeout');
  might_sleep([F, 508, 'dma_fence_wait_timeout']);
  __dma_fence_might_wait();
  dma_fence_enable_sw_signaling(fence);
  let ret: number;
  if (fence.ops.wait) {
    K().trace.emit('callback', 'dma_fence_ops.wait', 'dma_fence', fence.__id);
    ret = fence.ops.wait(fence, intr, timeout);
  } else ret = dma_fence_default_wait(fence, intr, timeout);
  K().trace.emit('call', 'dma_fence_wait_timeout', 'dma_fence', fence.__id, ret);
  return ret;
}

/**
 * Wait without a timeout: 0 once signaled, -ERESTARTSYS if interrupted.
 * Mirrors `include/linux/dma-fence.h: dma_fence_wait, v6.12`.
 */
export function dma_fence_wait(fence: dma_fence, intr: boolean): number {
  const ret = dma_fence_wait_timeout(fence, intr, MAX_SCHEDULE_TIMEOUT);
  return ret < 0 ? ret : 0;
}

/**
 * Wait until any of `fences` signals. `idx.value` (if given) receives the index of
 * a signaled fence. Returns remaining jiffies, 0 on timeout (timeout 0: 1 if any
 * is signaled, else 0), -ERESTARTSYS when interrupted; WARN and -EINVAL for a
 * missing array, count 0 or a negative timeout.
 * Mirrors `drivers/dma-buf/dma-fence.c: dma_fence_wait_any_timeout, v6.12`.
 */
export function dma_fence_wait_any_timeout(
  fences: dma_fence[] | null,
  count: number,
  intr: boolean,
  timeout: number,
  idx?: { value: number } | null,
): number {
  if (WARN_ON(!fences || !count || timeout < 0, [F, 855, 'dma_fence_wait_any_timeout'])) return -EINVAL;
  const fs = fences!;
  if (timeout === 0) {
    for (let i = 0; i < count; i++)
      if (dma_fence_is_signaled(fs[i]!)) {
        if (idx) idx.value = i;
        return 1;
      }
    return 0;
  }
  might_sleep([F, 855, 'dma_fence_wait_any_timeout']);
  const cbs: dma_fence_cb[] = [];
  let ret = timeout;
  let i = 0;
  const noop: dma_fence_func_t = () => {};
  let early = false;
  for (; i < count; i++) {
    const cb = new dma_fence_cb();
    cbs.push(cb);
    if (dma_fence_add_callback(fs[i]!, cb, noop)) {
      if (idx) idx.value = i;
      early = true;
      break;
    }
  }
  if (!early) {
    const anySignaled = (): boolean => {
      for (let j = 0; j < count; j++)
        if (fs[j]!.flags & 1) {
          if (idx) idx.value = j;
          return true;
        }
      return false;
    };
    ret = K().sched.wait_until(anySignaled, timeout, intr, 'dma_fence_wait_any_timeout');
    if (ret > 0) anySignaled();
    i = count;
  }
  while (i-- > 0) dma_fence_remove_callback(fs[i]!, cbs[i]!);
  return ret;
}

/**
 * Give a deadline hint (virtual ns) to an unsignaled fence's provider.
 * Mirrors `drivers/dma-buf/dma-fence.c: dma_fence_set_deadline, v6.12`.
 */
export function dma_fence_set_deadline(fence: dma_fence, deadline: number): void {
  if (fence.ops.set_deadline && !dma_fence_is_signaled(fence)) fence.ops.set_deadline(fence, deadline);
}

/**
 * One debugfs line: `driver timeline seq N [un]signalled`.
 * Mirrors `drivers/dma-buf/dma-fence.c: dma_fence_describe, v6.12` (the seq_file becomes a string array).
 */
export function dma_fence_describe(fence: dma_fence, seq: string[]): void {
  seq.push(
    `${fence.ops.get_driver_name(fence)} ${fence.ops.get_timeline_name(fence)} seq ${fence.seqno} ${dma_fence_is_signaled(fence) ? '' : 'un'}signalled`,
  );
}

/**
 * A reference to the global always-signaled stub fence (context 0, seqno 0).
 * Mirrors `drivers/dma-buf/dma-fence.c: dma_fence_get_stub, v6.12`.
 */
export function dma_fence_get_stub(): dma_fence {
  const s = fstate();
  spin_lock(s.stub_lock);
  if (!s.stub) {
    const f = new dma_fence();
    dma_fence_init(f, dma_fence_stub_ops, s.stub_lock, 0, 0);
    f.flags |= 1 << DMA_FENCE_FLAG_ENABLE_SIGNAL_BIT;
    dma_fence_signal_locked(f);
    s.stub = f;
  }
  spin_unlock(s.stub_lock);
  return dma_fence_get(s.stub);
}

/**
 * A new, already signaled private stub fence with the given timestamp (virtual ns).
 * Mirrors `drivers/dma-buf/dma-fence.c: dma_fence_allocate_private_stub, v6.12`.
 */
export function dma_fence_allocate_private_stub(timestamp: number): dma_fence {
  const f = new dma_fence();
  dma_fence_init(f, dma_fence_stub_ops, fstate().stub_lock, 0, 0);
  f.flags |= 1 << DMA_FENCE_FLAG_ENABLE_SIGNAL_BIT;
  dma_fence_signal_timestamp(f, timestamp);
  return f;
}

/**
 * Seqno order: true if `f1` is later than `f2`; 32-bit wraparound unless
 * `ops.use_64bit_seqno`. Mirrors `include/linux/dma-fence.h: __dma_fence_is_later, v6.12`.
 */
export function __dma_fence_is_later(f1: number, f2: number, ops: dma_fence_ops): boolean {
  if (ops.use_64bit_seqno) return f1 > f2;
  return (((f1 >>> 0) - (f2 >>> 0)) | 0) > 0;
}

/**
 * True if `f1` is later than `f2` on the same context; WARN and false for
 * different contexts. Mirrors `include/linux/dma-fence.h: dma_fence_is_later, v6.12`.
 */
export function dma_fence_is_later(f1: dma_fence, f2: dma_fence): boolean {
  if (WARN_ON(f1.context !== f2.context, [H, 496, 'dma_fence_is_later'])) return false;
  return __dma_fence_is_later(f1.seqno, f2.seqno, f1.ops);
}

/** Same fence or later. Mirrors `include/linux/dma-fence.h: dma_fence_is_later_or_same, v6.12`. */
export function dma_fence_is_later_or_same(f1: dma_fence, f2: dma_fence): boolean {
  return f1 === f2 || dma_fence_is_later(f1, f2);
}

/**
 * The later of two fences on one context, or null if that one has signaled
 * (or with a WARN for different contexts). Mirrors `include/linux/dma-fence.h: dma_fence_later, v6.12`.
 */
export function dma_fence_later(f1: dma_fence, f2: dma_fence): dma_fence | null {
  if (WARN_ON(f1.context !== f2.context, [H, 529, 'dma_fence_later'])) return null;
  if (dma_fence_is_later(f1, f2)) return dma_fence_is_signaled(f1) ? null : f1;
  return dma_fence_is_signaled(f2) ? null : f2;
}

/** Ops object identity of fence arrays (set by dma-fence-array). @internal */
export const __container_ops: { array: dma_fence_ops | null; chain: dma_fence_ops | null } = { array: null, chain: null };

/** True for a dma_fence_array. Mirrors `include/linux/dma-fence.h: dma_fence_is_array, v6.12`. */
export function dma_fence_is_array(fence: dma_fence): boolean {
  return fence.ops === __container_ops.array && fence.ops !== null;
}

/** True for a dma_fence_chain. Mirrors `include/linux/dma-fence.h: dma_fence_is_chain, v6.12`. */
export function dma_fence_is_chain(fence: dma_fence): boolean {
  return fence.ops === __container_ops.chain && fence.ops !== null;
}

/** True for an array or a chain. Mirrors `include/linux/dma-fence.h: dma_fence_is_container, v6.12`. */
export function dma_fence_is_container(fence: dma_fence): boolean {
  return dma_fence_is_array(fence) || dma_fence_is_chain(fence);
}

/** @internal Site helper for modules that WARN about fences. */
export function __fence_warn(site: Site, msg?: string): void {
  warn_report(site, msg);
}
