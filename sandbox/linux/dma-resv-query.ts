/**
 * Queries over a reservation object's fences (`drivers/dma-buf/dma-resv.c`,
 * v6.12), all built on the iterators: copy the fences to another object, take
 * a snapshot (get_fences) or one fence standing for them (get_singleton),
 * wait for them, pass a deadline hint, test whether they all signaled, and
 * describe them for debugfs.
 * @module
 */
import {
  type dma_fence, dma_fence_get, dma_fence_put, dma_fence_wait_timeout, dma_fence_set_deadline, dma_fence_describe,
  dma_fence_context_alloc,
} from './dma-fence.js';
import { dma_fence_array_create } from './dma-fence-array.js';
import { DMA_RESV_USAGE_READ, DMA_RESV_USAGE_BOOKKEEP, dma_resv_iter, type dma_resv, type dma_resv_list, type dma_resv_usage } from './dma-resv-types.js';
import { dma_resv_list_alloc, dma_resv_list_free } from './dma-resv-internal.js';
import { dma_resv_assert_held } from './dma-resv-locking.js';
import {
  dma_resv_iter_begin, dma_resv_iter_end, dma_resv_iter_usage, dma_resv_iter_is_restarted, dma_resv_for_each_fence_unlocked,
  dma_resv_for_each_fence,
} from './dma-resv-iter.js';

const R = 'drivers/dma-buf/dma-resv.c';

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
