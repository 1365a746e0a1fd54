/**
 * `linux/dma-fence-unwrap.h` and `drivers/dma-buf/dma-fence-unwrap.c` (v6.12):
 * iterate over the plain fences inside chains and arrays, and merge several
 * (possibly container) fences into one.
 *
 * Only one level of nesting is unwrapped: a chain whose nodes carry arrays is
 * fine; an array inside an array is not (dma_fence_array_init WARNs about it).
 * @module
 */
import { K } from '../kernel/current.js';
import { dma_fence, dma_fence_get, dma_fence_put, dma_fence_is_signaled, dma_fence_timestamp, dma_fence_is_later,
  dma_fence_allocate_private_stub, dma_fence_context_alloc } from './dma-fence.js';
import { dma_fence_array_first, dma_fence_array_next, dma_fence_array_create } from './dma-fence-array.js';
import { dma_fence_chain_contained, dma_fence_chain_walk } from './dma-fence-chain.js';

/**
 * `struct dma_fence_unwrap`: the cursor of an unwrap walk. It holds a reference
 * to the current chain node while the walk runs; a walk that runs to its end
 * drops it.
 */
export class dma_fence_unwrap {
  /** Current chain node (or the plain head fence), with a reference. */
  chain: dma_fence | null = null;
  /** The fence contained in `chain`: an array or a plain fence. */
  array: dma_fence | null = null;
  /** Index of the last fence returned when `array` is a dma_fence_array. */
  index = 0;
}

function unwrap_array(cursor: dma_fence_unwrap): dma_fence | null {
  cursor.array = dma_fence_chain_contained(cursor.chain);
  cursor.index = 0;
  return dma_fence_array_first(cursor.array);
}

/**
 * Start an unwrap walk at `head`: takes a reference to `head` (kept in the
 * cursor) and returns the first plain fence (no reference is taken for it), or
 * null for a null head. Mirrors `drivers/dma-buf/dma-fence-unwrap.c: dma_fence_unwrap_first, v6.12`.
 */
export function dma_fence_unwrap_first(head: dma_fence | null, cursor: dma_fence_unwrap): dma_fence | null {
  cursor.chain = dma_fence_get(head);
  return unwrap_array(cursor);
}

/**
 * The next plain fence of the walk, or null at the end (the cursor's chain
 * reference is then dropped). Unsignaled chain points only: dma_fence_chain_walk
 * skips and collects signaled ones.
 * Mirrors `drivers/dma-buf/dma-fence-unwrap.c: dma_fence_unwrap_next, v6.12`.
 */
export function dma_fence_unwrap_next(cursor: dma_fence_unwrap): dma_fence | null {
  ++cursor.index;
  const tmp = dma_fence_array_next(cursor.array!, cursor.index);
  if (tmp) return tmp;
  cursor.chain = cursor.chain ? dma_fence_chain_walk(cursor.chain) : null;
  return unwrap_array(cursor);
}

/**
 * `dma_fence_unwrap_for_each(fence, cursor, head)` as a generator of the plain
 * fences. As in C, breaking out early leaves `cursor.chain` holding a reference.
 * Mirrors `include/linux/dma-fence-unwrap.h: dma_fence_unwrap_for_each, v6.12`.
 */
export function* dma_fence_unwrap_for_each(cursor: dma_fence_unwrap, head: dma_fence | null): Generator<dma_fence> {
  for (let f = dma_fence_unwrap_first(head, cursor); f; f = dma_fence_unwrap_next(cursor)) yield f;
}

function fence_cmp(a: dma_fence, b: dma_fence): number {
  if (a.context < b.context) return -1;
  if (a.context > b.context) return 1;
  if (dma_fence_is_later(b, a)) return 1;
  if (dma_fence_is_later(a, b)) return -1;
  return 0;
}

/**
 * Merge `num_fences` fences (plain, arrays or chains) into one: the unsignaled
 * plain fences inside them, only the latest per context, in a new
 * dma_fence_array (context from dma_fence_context_alloc(1), seqno 1). One left:
 * that fence with a new reference. None left: a new private stub signaled at
 * the latest timestamp of the signaled fences seen (0 if none). The inputs keep
 * their references. Returns null only on allocation failure (never in the model).
 * `iter` provides one cursor per input.
 * Mirrors `drivers/dma-buf/dma-fence-unwrap.c: __dma_fence_unwrap_merge, v6.12`.
 */
export function __dma_fence_unwrap_merge(num_fences: number, fences: (dma_fence | null)[], iter: dma_fence_unwrap[]): dma_fence | null {
  let count = 0;
  let timestamp = 0;
  const seen = (f: dma_fence): boolean => {
    if (!dma_fence_is_signaled(f)) return false;
    const t = dma_fence_timestamp(f);
    if (t > timestamp) timestamp = t;
    return true;
  };
  for (let i = 0; i < num_fences; ++i) for (const tmp of dma_fence_unwrap_for_each(iter[i]!, fences[i]!)) if (!seen(tmp)) ++count;
  if (count === 0) return dma_fence_allocate_private_stub(timestamp);

  const array: dma_fence[] = [];
  for (let i = 0; i < num_fences; ++i)
    for (const tmp of dma_fence_unwrap_for_each(iter[i]!, fences[i]!)) if (!seen(tmp)) array.push(dma_fence_get(tmp));
  count = array.length;
  if (count === 0) return dma_fence_allocate_private_stub(timestamp);
  if (count === 1) return array[0]!;

  array.sort(fence_cmp);
  // only keep the most recent fence of each context
  let j = 0;
  for (let i = 1; i < count; i++) {
    if (array[i]!.context === array[j]!.context) dma_fence_put(array[i]);
    else array[++j] = array[i]!;
  }
  count = ++j;
  array.length = count;
  if (count > 1) return dma_fence_array_create(count, array, dma_fence_context_alloc(1), 1, false);
  return array[0]!;
}

/**
 * `dma_fence_unwrap_merge(...)`: merge the given fences (see
 * {@link __dma_fence_unwrap_merge}); the inputs keep their references, the
 * result has its own. Mirrors `include/linux/dma-fence-unwrap.h: dma_fence_unwrap_merge, v6.12`.
 */
export function dma_fence_unwrap_merge(...fences: (dma_fence | null)[]): dma_fence | null {
  const cursors = fences.map(() => new dma_fence_unwrap());
  const r = __dma_fence_unwrap_merge(fences.length, fences, cursors);
  K().trace.emit('call', 'dma_fence_unwrap_merge', 'dma_fence', r ? r.__id : 0, r ? 0 : 'NULL', { num_fences: fences.length });
  return r;
}
