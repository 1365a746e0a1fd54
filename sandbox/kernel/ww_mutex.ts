/**
 * Wound/wait mutexes, mirroring `include/linux/ww_mutex.h` and
 * `kernel/locking/ww_mutex.h` (v6.12), with the wait-die algorithm that
 * `reservation_ww_class` uses (`DEFINE_WD_CLASS`).
 *
 * Rules modelled:
 * - With an acquire context: re-locking a mutex the same context holds returns
 *   -EALREADY; when the mutex is held under an older context and this context
 *   already holds something, the younger one "dies": -EDEADLK, and it must drop
 *   all its locks and take the contended one with ww_mutex_lock_slow().
 * - A context that holds nothing never dies; it waits.
 * - Without a context the mutex behaves like a plain mutex.
 * - Waiting for a lock held by the same task (with no way to back off) would
 *   hang: reported as recursive locking, ending the run.
 * - All lock calls may sleep: calling them in atomic context is reported.
 * @module
 */
import { K } from './current.js';
import { EALREADY, EDEADLK, EINTR } from './errno.js';
import { MAX_SCHEDULE_TIMEOUT } from './clock.js';
import { lock_acquired, lock_released, lockdep_recursive, might_sleep } from './lockdep.js';
import type { task_struct } from './sched.js';

/** `struct ww_class`: a lock class with its stamp counter. */
export class ww_class {
  /** Next acquire-context stamp (`atomic_long_t stamp`). */
  stamp = 0;
  constructor(
    /** Class name as lockdep prints it (`reservation_ww_class_mutex`). */
    readonly name: string,
    /** true for wait-die (DEFINE_WD_CLASS), false for wound-wait (DEFINE_WW_CLASS). */
    readonly is_wait_die: boolean,
  ) {}
}

/** `DEFINE_WD_CLASS(name)`: a wait-die class. */
export function DEFINE_WD_CLASS(name: string): ww_class {
  return new ww_class(`${name}_mutex`, true);
}

/** `DEFINE_WW_CLASS(name)`: a wound-wait class (modelled with wait-die back-off as well). */
export function DEFINE_WW_CLASS(name: string): ww_class {
  return new ww_class(`${name}_mutex`, false);
}

/** `struct ww_acquire_ctx`: one transaction that takes several ww_mutexes. */
export class ww_acquire_ctx {
  /** Task that owns the context. */
  task: task_struct | null = null;
  /** Age: smaller is older. Older contexts win. */
  stamp = 0;
  /** Number of mutexes currently held under this context. */
  acquired = 0;
  /** Set by ww_acquire_done(): no more locks may be taken. */
  done_acquire = false;
  /** The class this context belongs to. */
  ww_class: ww_class | null = null;
  /** The lock that made this context back off (-EDEADLK), to be taken with ww_mutex_lock_slow(). */
  contending_lock: ww_mutex | null = null;
}

/** `struct ww_mutex`. */
export class ww_mutex {
  /** Task holding the mutex, or null. */
  owner: task_struct | null = null;
  /** Acquire context under which it is held, or null. */
  ctx: ww_acquire_ctx | null = null;
  /** Lockdep name (the class name). */
  name = 'ww_mutex';
  /** The class, set by ww_mutex_init(). */
  ww_class: ww_class | null = null;
}

/** `ww_mutex_init(lock, ww_class)`. */
export function ww_mutex_init(lock: ww_mutex, cls: ww_class): void {
  lock.owner = null;
  lock.ctx = null;
  lock.ww_class = cls;
  lock.name = cls.name;
}

/** `ww_mutex_destroy(lock)`: no-op outside debug builds. */
export function ww_mutex_destroy(_lock: ww_mutex): void {}

/** `ww_acquire_init(ctx, ww_class)`: start a transaction; takes the next stamp of the class. */
export function ww_acquire_init(ctx: ww_acquire_ctx, cls: ww_class): void {
  ctx.task = K().sched.current;
  ctx.stamp = ++cls.stamp;
  ctx.acquired = 0;
  ctx.done_acquire = false;
  ctx.ww_class = cls;
  ctx.contending_lock = null;
}

/** `ww_acquire_done(ctx)`: mark the end of the acquire phase. */
export function ww_acquire_done(ctx: ww_acquire_ctx): void {
  ctx.done_acquire = true;
}

/** `ww_acquire_fini(ctx)`: end the transaction (all locks should be released). */
export function ww_acquire_fini(ctx: ww_acquire_ctx): void {
  ctx.task = null;
}

/** `__ww_ctx_less(a, b)`: true when `a` is younger than `b`. */
function younger(a: ww_acquire_ctx, b: ww_acquire_ctx): boolean {
  return a.stamp - b.stamp > 0;
}

function take(lock: ww_mutex, ctx: ww_acquire_ctx | null | undefined): void {
  lock.owner = K().sched.current;
  lock.ctx = ctx ?? null;
  if (ctx) {
    ctx.acquired++;
    ctx.contending_lock = null;
  }
  lock_acquired(lock);
}

function lock_common(lock: ww_mutex, ctx: ww_acquire_ctx | null | undefined, intr: boolean, slow: boolean, func: string): number {
  const k = K();
  might_sleep(['kernel/locking/mutex.c', 283, func]);
  if (ctx && lock.ctx === ctx) return -EALREADY;
  const cur = k.sched.current;
  if (lock.owner !== null) {
    // wait-die: a context that already holds locks dies when the holder is older
    if (!slow && ctx && ctx.acquired > 0 && lock.ctx && younger(ctx, lock.ctx)) {
      ctx.contending_lock = lock;
      return -EDEADLK;
    }
    if (lock.owner === cur) lockdep_recursive(lock, func);
    const r = k.sched.wait_until(() => lock.owner === null, MAX_SCHEDULE_TIMEOUT, intr, `${func}(${lock.name})`);
    if (r < 0) return -EINTR;
  }
  take(lock, ctx);
  return 0;
}

/** `ww_mutex_lock(lock, ctx)` → 0, -EALREADY or -EDEADLK (both only with a ctx). May sleep. */
export function ww_mutex_lock(lock: ww_mutex, ctx?: ww_acquire_ctx | null): number {
  return lock_common(lock, ctx, false, false, 'ww_mutex_lock');
}

/** `ww_mutex_lock_interruptible(lock, ctx)` → 0, -EALREADY, -EDEADLK or -EINTR. May sleep. */
export function ww_mutex_lock_interruptible(lock: ww_mutex, ctx?: ww_acquire_ctx | null): number {
  return lock_common(lock, ctx, true, false, 'ww_mutex_lock_interruptible');
}

/** `ww_mutex_lock_slow(lock, ctx)`: take the contended lock after backing off; never dies. */
export function ww_mutex_lock_slow(lock: ww_mutex, ctx: ww_acquire_ctx): void {
  lock_common(lock, ctx, false, true, 'ww_mutex_lock_slow');
}

/** `ww_mutex_lock_slow_interruptible(lock, ctx)` → 0 or -EINTR. */
export function ww_mutex_lock_slow_interruptible(lock: ww_mutex, ctx: ww_acquire_ctx): number {
  return lock_common(lock, ctx, true, true, 'ww_mutex_lock_slow_interruptible');
}

/** `ww_mutex_trylock(lock, ctx)` → true if taken. Never sleeps. */
export function ww_mutex_trylock(lock: ww_mutex, ctx?: ww_acquire_ctx | null): boolean {
  if (lock.owner !== null) return false;
  take(lock, ctx);
  return true;
}

/** `ww_mutex_unlock(lock)`. */
export function ww_mutex_unlock(lock: ww_mutex): void {
  const owner = lock.owner;
  if (owner === null) return;
  if (lock.ctx) lock.ctx.acquired--;
  lock.ctx = null;
  lock.owner = null;
  lock_released(lock, owner);
}

/** `ww_mutex_is_locked(lock)`. */
export function ww_mutex_is_locked(lock: ww_mutex): boolean {
  return lock.owner !== null;
}
