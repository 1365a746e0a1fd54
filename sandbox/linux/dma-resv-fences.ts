/**
 * The fence slots of a reservation object (`drivers/dma-buf/dma-resv.c`,
 * v6.12): dma_resv_reserve_fences() makes room, dma_resv_add_fence() fills a
 * slot or replaces an entry, dma_resv_replace_fences() swaps a context's
 * fences. All need the lock.
 *
 * The replacement rule on add: the first entry with the same context, an
 * equal or stronger-numbered usage and an older-or-same seqno, or any signaled
 * entry, is replaced; otherwise the fence is appended, which needs a reserved
 * slot (BUG without one).
 * @module
 */
import { K } from '../kernel/current.js';
import { EINVAL } from '../kernel/errno.js';
import { WARN_ON, BUG_ON } from '../kernel/bug.js';
import {
  type dma_fence, dma_fence_get, dma_fence_put, dma_fence_is_signaled, dma_fence_is_container, dma_fence_is_later_or_same,
} from './dma-fence.js';
import type { dma_resv, dma_resv_usage } from './dma-resv-types.js';
import { dma_resv_list_alloc } from './dma-resv-internal.js';
import { dma_resv_assert_held } from './dma-resv-locking.js';

const R = 'drivers/dma-buf/dma-resv.c';

function roundup_pow_of_two(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
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
