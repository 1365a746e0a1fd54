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
 *
 * This module is the header: it re-exports the structures (dma-resv-types.ts),
 * the object and its lock (dma-resv-locking.ts), the fence slots
 * (dma-resv-fences.ts), the iterators (dma-resv-iter.ts) and the queries
 * (dma-resv-query.ts). Those modules import each other in one direction
 * only: types, then dma-resv-internal.ts (the table's allocation, not
 * re-exported), locking, then fences or iter, then query; and dma-fence
 * through its header, as the kernel's dma-resv.h includes dma-fence.h.
 * @module
 */
export { ww_acquire_ctx, ww_acquire_init, ww_acquire_fini, ww_acquire_done } from '../kernel/ww_mutex.js';

export * from './dma-resv-types.js';
export * from './dma-resv-locking.js';
export * from './dma-resv-fences.js';
export * from './dma-resv-iter.js';
export * from './dma-resv-query.js';
