/**
 * The reservation object and its lock (`linux/dma-resv.h`,
 * `drivers/dma-buf/dma-resv.c`, v6.12): dma_resv_init()/dma_resv_fini(), the
 * ww_mutex wrappers of `reservation_ww_class` (lock, lock_interruptible,
 * lock_slow, trylock, unlock), the held assertions, and the rule that
 * unlocking drops unused fence reservations.
 * @module
 */
import { K } from '../kernel/current.js';
import { lockdep_assert_held, lockdep_is_held } from '../kernel/lockdep.js';
import {
  type ww_acquire_ctx, DEFINE_WD_CLASS, ww_mutex_init, ww_mutex_destroy, ww_mutex_lock, ww_mutex_lock_interruptible,
  ww_mutex_lock_slow, ww_mutex_lock_slow_interruptible, ww_mutex_trylock, ww_mutex_unlock, ww_mutex_is_locked,
} from '../kernel/ww_mutex.js';
import type { dma_resv } from './dma-resv-types.js';
import { dma_resv_list_free } from './dma-resv-internal.js';

const R = 'drivers/dma-buf/dma-resv.c';

/** The reservation lock class (`DEFINE_WD_CLASS(reservation_ww_class)`): wait-die. */
export const reservation_ww_class = DEFINE_WD_CLASS('reservation_ww_class');

/** Initialise: ww_mutex of reservation_ww_class, no fences. Mirrors `drivers/dma-buf/dma-resv.c: dma_resv_init, v6.12`. */
export function dma_resv_init(obj: dma_resv): void {
  ww_mutex_init(obj.lock, reservation_ww_class);
  obj.fences = null;
  obj.__id = K().nextId();
}

/** Drop every fence reference. Mirrors `drivers/dma-buf/dma-resv.c: dma_resv_fini, v6.12`. */
export function dma_resv_fini(obj: dma_resv): void {
  dma_resv_list_free(obj.fences);
  obj.fences = null;
  ww_mutex_destroy(obj.lock);
}

/** `dma_resv_held(obj)`: the current task holds the lock. */
export function dma_resv_held(obj: dma_resv): boolean {
  return lockdep_is_held(obj.lock);
}

/**
 * `dma_resv_assert_held(obj)`: lockdep WARNING when the current task does not
 * hold the lock (printed, execution continues). `site` and `rule` say who asserted and why.
 */
export function dma_resv_assert_held(obj: dma_resv, site: readonly [string, number, string] = [R, 0, 'dma_resv_assert_held'], rule?: string): void {
  if (obj.lock.owner === K().sched.current && dma_resv_held(obj)) return;
  lockdep_assert_held(obj.lock, site, rule);
}

/**
 * Lock. `ctx` null: plain mutex. With a ctx: 0, -EALREADY (this ctx holds it)
 * or -EDEADLK (back off: unlock everything, then dma_resv_lock_slow()).
 * May sleep. Mirrors `include/linux/dma-resv.h: dma_resv_lock, v6.12`.
 */
export function dma_resv_lock(obj: dma_resv, ctx: ww_acquire_ctx | null): number {
  return ww_mutex_lock(obj.lock, ctx);
}

/** As dma_resv_lock(), also -EINTR on a signal. Mirrors `include/linux/dma-resv.h: dma_resv_lock_interruptible, v6.12`. */
export function dma_resv_lock_interruptible(obj: dma_resv, ctx: ww_acquire_ctx | null): number {
  return ww_mutex_lock_interruptible(obj.lock, ctx);
}

/** Take the contended lock after -EDEADLK; never dies. Mirrors `include/linux/dma-resv.h: dma_resv_lock_slow, v6.12`. */
export function dma_resv_lock_slow(obj: dma_resv, ctx: ww_acquire_ctx): void {
  ww_mutex_lock_slow(obj.lock, ctx);
}

/** As dma_resv_lock_slow(), 0 or -EINTR. Mirrors `include/linux/dma-resv.h: dma_resv_lock_slow_interruptible, v6.12`. */
export function dma_resv_lock_slow_interruptible(obj: dma_resv, ctx: ww_acquire_ctx): number {
  return ww_mutex_lock_slow_interruptible(obj.lock, ctx);
}

/** Try to lock without a ctx; true if taken. Mirrors `include/linux/dma-resv.h: dma_resv_trylock, v6.12`. */
export function dma_resv_trylock(obj: dma_resv): boolean {
  return ww_mutex_trylock(obj.lock, null);
}

/** True if anyone holds the lock. Mirrors `include/linux/dma-resv.h: dma_resv_is_locked, v6.12`. */
export function dma_resv_is_locked(obj: dma_resv): boolean {
  return ww_mutex_is_locked(obj.lock);
}

/** The ctx the lock is held under, or null. Mirrors `include/linux/dma-resv.h: dma_resv_locking_ctx, v6.12`. */
export function dma_resv_locking_ctx(obj: dma_resv): ww_acquire_ctx | null {
  return obj.lock.ctx;
}

/**
 * Forget unused reserved slots (`max_fences = num_fences`), lock held.
 * Mirrors `drivers/dma-buf/dma-resv.c: dma_resv_reset_max_fences, v6.12` (a CONFIG_DEBUG_MUTEXES
 * check that the model always applies).
 */
export function dma_resv_reset_max_fences(obj: dma_resv): void {
  dma_resv_assert_held(obj, [R, 267, 'dma_resv_reset_max_fences']);
  if (obj.fences) obj.fences.max_fences = obj.fences.num_fences;
}

/** Unlock; unused reservations are dropped first. Mirrors `include/linux/dma-resv.h: dma_resv_unlock, v6.12`. */
export function dma_resv_unlock(obj: dma_resv): void {
  if (obj.fences && obj.lock.owner) obj.fences.max_fences = obj.fences.num_fences;
  ww_mutex_unlock(obj.lock);
}
