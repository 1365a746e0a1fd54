/**
 * The structures of `linux/dma-resv.h` (v6.12): `enum dma_resv_usage` and its
 * order, `dma_resv_list` (the fence table), `dma_resv` and the iterator cursor
 * `dma_resv_iter`. The functions are in the other dma-resv-*.ts modules;
 * dma-resv.ts re-exports them all.
 * @module
 */
import { ww_mutex } from '../kernel/ww_mutex.js';
import type { dma_fence } from './dma-fence.js';

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
