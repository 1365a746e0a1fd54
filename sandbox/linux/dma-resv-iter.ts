/**
 * The fence iterators of `linux/dma-resv.h` and `drivers/dma-buf/dma-resv.c`
 * (v6.12). Locked walks (dma_resv_iter_first/next, dma_resv_for_each_fence)
 * see every fence with usage ≤ the cursor's, signaled or not, without taking
 * references. Unlocked walks (dma_resv_iter_first_unlocked/next_unlocked,
 * dma_resv_for_each_fence_unlocked) take a reference to each yielded fence,
 * skip signaled ones, and restart when the fence table was replaced meanwhile
 * (dma_resv_iter_is_restarted tells the caller to drop what it collected).
 * @module
 */
import { type dma_fence, dma_fence_put, dma_fence_get_rcu, dma_fence_is_signaled } from './dma-fence.js';
import type { dma_resv, dma_resv_iter, dma_resv_usage } from './dma-resv-types.js';
import { dma_resv_assert_held } from './dma-resv-locking.js';

const R = 'drivers/dma-buf/dma-resv.c';

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
