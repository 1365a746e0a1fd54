/**
 * `linux/dma-resv.h` and `drivers/dma-buf/dma-resv.c` (v6.12): reservation
 * objects, the per-buffer lock plus the list of fences with their usage.
 *
 * Rules modelled:
 * - The lock is a ww_mutex of `reservation_ww_class` (wait-die).
 * - Adding a fence needs the lock and a slot reserved with
 *   dma_resv_reserve_fences() in the same lock section: dma_resv_unlock()
 *   drops unused reservations (the model always applies this
 *   CONFIG_DEBUG_MUTEXES check). Adding without a slot is a BUG.
 * - Replacement on add: the first entry with the same context, an equal or
 *   stronger-numbered usage and an older-or-same seqno, or any signaled entry,
 *   is replaced; otherwise the fence is appended.
 * - A query at usage U sees every fence with usage ≤ U
 *   (KERNEL < WRITE < READ < BOOKKEEP).
 * - Unlocked iteration takes a reference to each yielded fence, skips signaled
 *   ones, and restarts when the fence table was replaced meanwhile.
 * @module
 */
import { K } from '../kernel/current.js';
import { EINVAL } from '../kernel/errno.js';
import { WARN_ON, BUG_ON } from '../kernel/bug.js';
import { lockdep_assert_held, lockdep_is_held } from '../kernel/lockdep.js';
import {
  ww_mutex, type ww_acquire_ctx, DEFINE_WD_CLASS, ww_mutex_init, ww_mutex_destroy, ww_mutex_lock, ww_mutex_lock_interruptible,
  ww_mutex_lock_slow, ww_mutex_lock_slow_interruptible, ww_mutex_trylock, ww_mutex_unlock, ww_mutex_is_locked,
} from '../kernel/ww_mutex.js';
import {
  dma_fence, dma_fence_get, dma_fence_put, dma_fence_get_rcu, dma_fence_is_signaled, dma_fence_is_container,
  dma_fence_is_later_or_same, dma_fence_wait_timeout, dma_fence_set_deadline, dma_fence_describe, dma_fence_context_alloc,
} from './dma-fence.js';
import { dma_fence_array_create } from './dma-fence-array.js';

export { ww_acquire_ctx, ww_acquire_init, ww_acquire_fini, ww_acquire_done } from '../kernel/ww_mutex.js';

const R = 'drivers/dma-buf/dma-resv.c';

/** `enum dma_resv_usage`: how a fence uses the buffer. A query at one usage includes all lower ones. */
export enum dma_resv_usage {
  /** In-kernel memory management (moves, clears). Everyone must wait for these. */
  DMA_RESV_USAGE_KERNEL = 0,
  /** Implicit write synchronisation. */
  DMA_RESV_USAGE_WRITE = 1,
  /** Implicit read synchronisation. */
  DMA_RESV_USAGE_READ = 2,
  /** No implicit synchronisation (preemption fences, page-table updates, explicit-sync work). */
  DMA_RESV_USAGE_BOOKKEEP = 3,
}
export const DMA_RESV_USAGE_KERNEL = dma_resv_usage.DMA_RESV_USAGE_KERNEL;
export const DMA_RESV_USAGE_WRITE = dma_resv_usage.DMA_RESV_USAGE_WRITE;
export const DMA_RESV_USAGE_READ = dma_resv_usage.DMA_RESV_USAGE_READ;
export const DMA_RESV_USAGE_BOOKKEEP = dma_resv_usage.DMA_RESV_USAGE_BOOKKEEP;

/** The reservation lock class (`DEFINE_WD_CLASS(reservation_ww_class)`): wait-die. */
export const reservation_ww_class = DEFINE_WD_CLASS('reservation_ww_class');

/**
 * The usage a new access must wait for: a writer waits for everything
 * (READ), a reader only for writers (WRITE).
 * Mirrors `include/linux/dma-resv.h: dma_resv_usage_rw, v6.12`.
 */
export function dma_resv_usage_rw(write: boolean): dma_resv_usage {
  return write ? DMA_RESV_USAGE_READ : DMA_RESV_USAGE_WRITE;
}

/** `struct dma_resv_list`: the fence table (replaced, never resized in place). */
export class dma_resv_list {
  num_fences = 0;
  max_fences = 0;
  /** Entries: fence and usage. Slots past num_fences are free. */
  readonly table: dma_fence[] = [];
  readonly usage: dma_resv_usage[] = [];
}

/** `struct dma_resv`. Initialise with dma_resv_init(). */
export class dma_resv {
  /** The ww_mutex; use dma_resv_lock()/dma_resv_unlock(). */
  readonly lock = new ww_mutex();
  /** The fence table, or null when none was ever reserved. */
  fences: dma_resv_list | null = null;
  /** @internal model id */
  __id = 0;
}

/** `struct dma_resv_iter`: cursor of the fence iterators. */
export class dma_resv_iter {
  obj: dma_resv = null as unknown as dma_resv;
  /** Return fences with this usage or lower. */
  usage: dma_resv_usage = DMA_RESV_USAGE_KERNEL;
  /** The current fence. */
  fence: dma_fence | null = null;
  /** Usage of the current fence. */
  fence_usage: dma_resv_usage = DMA_RESV_USAGE_KERNEL;
  index = 0;
  /** The table being walked (private: compared, never dereferenced by users). */
  fences: dma_resv_list | null = null;
  num_fences = 0;
  /** True for the first fence returned after a (re)start. */
  is_restarted = false;
}

/** kmalloc_size_roundup() for the buckets a dma_resv_list can land in (bytes). */
function kmalloc_size_roundup(size: number): number {
  const buckets = [8, 16, 32, 64, 96, 128, 192, 256, 512, 1024, 2048, 4096, 8192];
  for (const b of buckets) if (size <= b) return b;
  return Math.ceil(size / 4096) * 4096;
}
/** Header bytes of struct dma_resv_list on 64-bit (rcu_head 16 + two u32) and bytes per entry. */
const LIST_HDR = 24;
const LIST_ENTRY = 8;

function dma_resv_list_alloc(max_fences: number): dma_resv_list {
  const list = new dma_resv_list();
  const size = kmalloc_size_roundup(LIST_HDR + LIST_ENTRY * max_fences);
  list.max_fences = (size - LIST_HDR) / LIST_ENTRY;
  return list;
}

function dma_resv_list_free(list: dma_resv_list | null): void {
  if (!list) return;
  for (let i = 0; i < list.num_fences; i++) dma_fence_put(list.table[i]);
}

function roundup_pow_of_two(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

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

/**
 * Make room for `num_fences` more fences; lock held. Returns 0; WARN and -EINVAL
 * for 0. A new table gets max(num + n, 2 × max) entries (first table:
 * max(4, next power of two)), rounded up to the kmalloc bucket; signaled
 * entries are dropped (their references put) while copying.
 * Mirrors `drivers/dma-buf/dma-resv.c: dma_resv_reserve_fences, v6.12`.
 */
export function dma_resv_reserve_fences(obj: dma_resv, num_fences: number): number {
  dma_resv_assert_held(obj, [R, 187, 'dma_resv_reserve_fences']);
  if (WARN_ON(!num_fences, [R, 193, 'dma_resv_reserve_fences'])) return -EINVAL;
  const old = obj.fences;
  let max: number;
  if (old && old.max_fences) {
    if (old.num_fences + num_fences <= old.max_fences) return 0;
    max = Math.max(old.num_fences + num_fences, old.max_fences * 2);
  } else {
    max = Math.max(4, roundup_pow_of_two(num_fences));
  }
  const nw = dma_resv_list_alloc(max);
  const dropped: dma_fence[] = [];
  let j = 0;
  for (let i = 0; i < (old ? old.num_fences : 0); i++) {
    const fence = old!.table[i]!;
    if (dma_fence_is_signaled(fence)) dropped.push(fence);
    else {
      nw.table[j] = fence;
      nw.usage[j] = old!.usage[i]!;
      j++;
    }
  }
  nw.num_fences = j;
  obj.fences = nw;
  for (const f of dropped) dma_fence_put(f);
  return 0;
}

/**
 * Add a fence at `usage` (takes its own reference); lock held, a slot reserved.
 * Replaces the first entry of the same context whose usage is ≥ `usage` and
 * whose fence is not later than the new one, or any signaled entry; else
 * appends. WARNs for a container fence (array/chain); BUG (oops) when no
 * reserved slot is left. Mirrors `drivers/dma-buf/dma-resv.c: dma_resv_add_fence, v6.12`.
 */
export function dma_resv_add_fence(obj: dma_resv, fence: dma_fence, usage: dma_resv_usage): void {
  dma_fence_get(fence);
  dma_resv_assert_held(obj, [R, 296, 'dma_resv_add_fence']);
  WARN_ON(dma_fence_is_container(fence), [R, 301, 'dma_resv_add_fence']);
  const fobj = obj.fences;
  const count = fobj ? fobj.num_fences : 0;
  for (let i = 0; i < count; i++) {
    const old = fobj!.table[i]!;
    const old_usage = fobj!.usage[i]!;
    if ((old.context === fence.context && old_usage >= usage && dma_fence_is_later_or_same(fence, old)) || dma_fence_is_signaled(old)) {
      fobj!.table[i] = fence;
      fobj!.usage[i] = usage;
      dma_fence_put(old);
      K().trace.emit('call', 'dma_resv_add_fence', 'dma_resv', obj.__id, 0, { usage, replaced: true });
      return;
    }
  }
  BUG_ON(!fobj || fobj.num_fences >= fobj.max_fences, [R, 319, 'dma_resv_add_fence']);
  fobj!.table[count] = fence;
  fobj!.usage[count] = usage;
  fobj!.num_fences = count + 1;
  K().trace.emit('call', 'dma_resv_add_fence', 'dma_resv', obj.__id, 0, { usage, replaced: false });
}

/**
 * Replace every fence of `context` by `replacement` (one reference each) at `usage`; lock held.
 * Mirrors `drivers/dma-buf/dma-resv.c: dma_resv_replace_fences, v6.12`.
 */
export function dma_resv_replace_fences(obj: dma_resv, context: number, replacement: dma_fence, usage: dma_resv_usage): void {
  dma_resv_assert_held(obj, [R, 350, 'dma_resv_replace_fences']);
  const list = obj.fences;
  for (let i = 0; list && i < list.num_fences; i++) {
    const old = list.table[i]!;
    if (old.context !== context) continue;
    list.table[i] = dma_fence_get(replacement);
    list.usage[i] = usage;
    dma_fence_put(old);
  }
}

/** Start an iteration. Mirrors `include/linux/dma-resv.h: dma_resv_iter_begin, v6.12`. */
export function dma_resv_iter_begin(cursor: dma_resv_iter, obj: dma_resv, usage: dma_resv_usage): void {
  cursor.obj = obj;
  cursor.usage = usage;
  cursor.fence = null;
}

/** End an unlocked iteration: drops the reference held on the current fence. Mirrors `include/linux/dma-resv.h: dma_resv_iter_end, v6.12`. */
export function dma_resv_iter_end(cursor: dma_resv_iter): void {
  dma_fence_put(cursor.fence);
}

/** Usage of the current fence. Mirrors `include/linux/dma-resv.h: dma_resv_iter_usage, v6.12`. */
export function dma_resv_iter_usage(cursor: dma_resv_iter): dma_resv_usage {
  return cursor.fence_usage;
}

/** True if this is the first fence after a (re)start. Mirrors `include/linux/dma-resv.h: dma_resv_iter_is_restarted, v6.12`. */
export function dma_resv_iter_is_restarted(cursor: dma_resv_iter): boolean {
  return cursor.is_restarted;
}

function restart_unlocked(cursor: dma_resv_iter): void {
  cursor.index = 0;
  cursor.num_fences = 0;
  cursor.fences = cursor.obj.fences;
  if (cursor.fences) cursor.num_fences = cursor.fences.num_fences;
  cursor.is_restarted = true;
}

function walk_unlocked(cursor: dma_resv_iter): void {
  if (!cursor.fences) return;
  for (;;) {
    dma_fence_put(cursor.fence);
    if (cursor.index >= cursor.num_fences) {
      cursor.fence = null;
      break;
    }
    const i = cursor.index++;
    const f = cursor.fences.table[i]!;
    cursor.fence_usage = cursor.fences.usage[i]!;
    cursor.fence = dma_fence_get_rcu(f);
    if (!cursor.fence) {
      restart_unlocked(cursor);
      continue;
    }
    if (!dma_fence_is_signaled(cursor.fence) && cursor.usage >= cursor.fence_usage) break;
  }
}

/**
 * First unsignaled fence (with a reference), lock not needed.
 * Mirrors `drivers/dma-buf/dma-resv.c: dma_resv_iter_first_unlocked, v6.12`.
 */
export function dma_resv_iter_first_unlocked(cursor: dma_resv_iter): dma_fence | null {
  do {
    restart_unlocked(cursor);
    walk_unlocked(cursor);
  } while (cursor.obj.fences !== cursor.fences);
  return cursor.fence;
}

/**
 * Next unsignaled fence; restarts from the beginning if the table was replaced.
 * Mirrors `drivers/dma-buf/dma-resv.c: dma_resv_iter_next_unlocked, v6.12`.
 */
export function dma_resv_iter_next_unlocked(cursor: dma_resv_iter): dma_fence | null {
  cursor.is_restarted = false;
  let restart = cursor.obj.fences !== cursor.fences;
  do {
    if (restart) restart_unlocked(cursor);
    walk_unlocked(cursor);
    restart = true;
  } while (cursor.obj.fences !== cursor.fences);
  return cursor.fence;
}

/** First fence with usage ≤ cursor.usage, signaled or not, no reference; lock held. Mirrors `drivers/dma-buf/dma-resv.c: dma_resv_iter_first, v6.12`. */
export function dma_resv_iter_first(cursor: dma_resv_iter): dma_fence | null {
  dma_resv_assert_held(cursor.obj, [R, 475, 'dma_resv_iter_first']);
  cursor.index = 0;
  cursor.fences = cursor.obj.fences;
  const fence = dma_resv_iter_next(cursor);
  cursor.is_restarted = true;
  return fence;
}

/** Next fence of the locked walk. Mirrors `drivers/dma-buf/dma-resv.c: dma_resv_iter_next, v6.12`. */
export function dma_resv_iter_next(cursor: dma_resv_iter): dma_fence | null {
  dma_resv_assert_held(cursor.obj, [R, 497, 'dma_resv_iter_next']);
  cursor.is_restarted = false;
  let fence: dma_fence;
  do {
    if (!cursor.fences || cursor.index >= cursor.fences.num_fences) return null;
    const i = cursor.index++;
    fence = cursor.fences.table[i]!;
    cursor.fence_usage = cursor.fences.usage[i]!;
  } while (cursor.fence_usage > cursor.usage);
  return fence;
}

/**
 * `dma_resv_for_each_fence_unlocked(cursor, fence)` as an iterator; call
 * dma_resv_iter_begin() before and dma_resv_iter_end() after.
 * Mirrors `include/linux/dma-resv.h: dma_resv_for_each_fence_unlocked, v6.12`.
 */
export function* dma_resv_for_each_fence_unlocked(cursor: dma_resv_iter): Generator<dma_fence> {
  for (let fence = dma_resv_iter_first_unlocked(cursor); fence; fence = dma_resv_iter_next_unlocked(cursor)) yield fence;
}

/**
 * `dma_resv_for_each_fence(cursor, obj, usage, fence)` as an iterator; lock held.
 * Mirrors `include/linux/dma-resv.h: dma_resv_for_each_fence, v6.12`.
 */
export function* dma_resv_for_each_fence(cursor: dma_resv_iter, obj: dma_resv, usage: dma_resv_usage): Generator<dma_fence> {
  dma_resv_iter_begin(cursor, obj, usage);
  for (let fence = dma_resv_iter_first(cursor); fence; fence = dma_resv_iter_next(cursor)) yield fence;
}

/**
 * Make `dst`'s fences a copy of `src`'s unsignaled ones (all usages); `dst` locked.
 * Returns 0. Mirrors `drivers/dma-buf/dma-resv.c: dma_resv_copy_fences, v6.12`.
 */
export function dma_resv_copy_fences(dst: dma_resv, src: dma_resv): number {
  dma_resv_assert_held(dst, [R, 527, 'dma_resv_copy_fences']);
  let list: dma_resv_list | null = null;
  const cursor = new dma_resv_iter();
  dma_resv_iter_begin(cursor, src, DMA_RESV_USAGE_BOOKKEEP);
  for (const f of dma_resv_for_each_fence_unlocked(cursor)) {
    if (dma_resv_iter_is_restarted(cursor)) {
      dma_resv_list_free(list);
      list = dma_resv_list_alloc(cursor.num_fences);
      list.num_fences = 0;
    }
    dma_fence_get(f);
    list!.table[list!.num_fences] = f;
    list!.usage[list!.num_fences++] = dma_resv_iter_usage(cursor);
  }
  dma_resv_iter_end(cursor);
  const old = dst.fences;
  dst.fences = list;
  dma_resv_list_free(old);
  return 0;
}

/** An out-parameter: the call stores its result in `value`. */
export interface out<T> {
  value: T;
}

/**
 * Snapshot of the unsignaled fences with usage ≤ `usage`, each with a reference.
 * Fills `num_fences.value` and `fences.value`; returns 0.
 * Mirrors `drivers/dma-buf/dma-resv.c: dma_resv_get_fences, v6.12`.
 */
export function dma_resv_get_fences(obj: dma_resv, usage: dma_resv_usage, num_fences: out<number>, fences: out<dma_fence[] | null>): number {
  num_fences.value = 0;
  fences.value = null;
  const cursor = new dma_resv_iter();
  dma_resv_iter_begin(cursor, obj, usage);
  for (const fence of dma_resv_for_each_fence_unlocked(cursor)) {
    if (dma_resv_iter_is_restarted(cursor)) {
      while (num_fences.value) dma_fence_put(fences.value![--num_fences.value]);
      fences.value = [];
    }
    fences.value![num_fences.value++] = dma_fence_get(fence);
  }
  dma_resv_iter_end(cursor);
  return 0;
}

/**
 * One fence standing for all unsignaled fences with usage ≤ `usage`: null for
 * none, the fence itself for one, a new dma_fence_array (new context, seqno 1)
 * for more. Fills `fence.value` (with a reference); returns 0.
 * Mirrors `drivers/dma-buf/dma-resv.c: dma_resv_get_singleton, v6.12`.
 */
export function dma_resv_get_singleton(obj: dma_resv, usage: dma_resv_usage, fence: out<dma_fence | null>): number {
  const count: out<number> = { value: 0 };
  const fences: out<dma_fence[] | null> = { value: null };
  const r = dma_resv_get_fences(obj, usage, count, fences);
  if (r) return r;
  if (count.value === 0) {
    fence.value = null;
    return 0;
  }
  if (count.value === 1) {
    fence.value = fences.value![0]!;
    return 0;
  }
  const array = dma_fence_array_create(count.value, fences.value!, dma_fence_context_alloc(1), 1, false);
  fence.value = array;
  return 0;
}

/**
 * Wait for the unsignaled fences with usage ≤ `usage`. `timeout` in jiffies.
 * Returns > 0 (remaining; 1 for timeout 0 when nothing is pending), 0 on timeout,
 * or -ERESTARTSYS. The lock may or may not be held.
 * Mirrors `drivers/dma-buf/dma-resv.c: dma_resv_wait_timeout, v6.12`.
 */
export function dma_resv_wait_timeout(obj: dma_resv, usage: dma_resv_usage, intr: boolean, timeout: number): number {
  let ret = timeout ? timeout : 1;
  const cursor = new dma_resv_iter();
  dma_resv_iter_begin(cursor, obj, usage);
  for (const fence of dma_resv_for_each_fence_unlocked(cursor)) {
    ret = dma_fence_wait_timeout(fence, intr, timeout);
    if (ret <= 0) break;
    if (timeout) timeout = ret;
  }
  dma_resv_iter_end(cursor);
  return ret;
}

/** Pass a deadline hint (virtual ns) to every unsignaled fence ≤ `usage`. Mirrors `drivers/dma-buf/dma-resv.c: dma_resv_set_deadline, v6.12`. */
export function dma_resv_set_deadline(obj: dma_resv, usage: dma_resv_usage, deadline: number): void {
  const cursor = new dma_resv_iter();
  dma_resv_iter_begin(cursor, obj, usage);
  for (const fence of dma_resv_for_each_fence_unlocked(cursor)) dma_fence_set_deadline(fence, deadline);
  dma_resv_iter_end(cursor);
}

/**
 * True if no unsignaled fence with usage ≤ `usage` remains (may signal fences
 * as a side effect). Mirrors `drivers/dma-buf/dma-resv.c: dma_resv_test_signaled, v6.12`.
 */
export function dma_resv_test_signaled(obj: dma_resv, usage: dma_resv_usage): boolean {
  const cursor = new dma_resv_iter();
  dma_resv_iter_begin(cursor, obj, usage);
  for (const _fence of dma_resv_for_each_fence_unlocked(cursor)) {
    dma_resv_iter_end(cursor);
    return false;
  }
  dma_resv_iter_end(cursor);
  return true;
}

/**
 * debugfs lines `\t<usage> fence:<driver> <timeline> seq N [un]signalled`; lock held.
 * Mirrors `drivers/dma-buf/dma-resv.c: dma_resv_describe, v6.12` (seq_file → string array).
 */
export function dma_resv_describe(obj: dma_resv, seq: string[]): void {
  const names = ['kernel', 'write', 'read', 'bookkeep'];
  const cursor = new dma_resv_iter();
  for (const fence of dma_resv_for_each_fence(cursor, obj, DMA_RESV_USAGE_READ)) {
    const line: string[] = [];
    dma_fence_describe(fence, line);
    seq.push(`\t${names[dma_resv_iter_usage(cursor)]} fence:${line[0]}`);
  }
}
