/**
 * The fence table's allocation, shared by the dma-resv modules: sizes follow
 * the kmalloc buckets, as in the kernel. Not re-exported by dma-resv.ts.
 * @internal
 * @module
 */
import { dma_fence_put } from './dma-fence.js';
import { dma_resv_list } from './dma-resv-types.js';

/** kmalloc_size_roundup() for the buckets a dma_resv_list can land in (bytes). */
function kmalloc_size_roundup(size: number): number {
  const buckets = [8, 16, 32, 64, 96, 128, 192, 256, 512, 1024, 2048, 4096, 8192];
  for (const b of buckets) if (size <= b) return b;
  return Math.ceil(size / 4096) * 4096;
}
/** Header bytes of struct dma_resv_list on 64-bit (rcu_head 16 + two u32) and bytes per entry. */
const LIST_HDR = 24;
const LIST_ENTRY = 8;

/** A table with room for at least `max_fences` entries (as many as its kmalloc bucket holds). */
export function dma_resv_list_alloc(max_fences: number): dma_resv_list {
  const list = new dma_resv_list();
  const size = kmalloc_size_roundup(LIST_HDR + LIST_ENTRY * max_fences);
  list.max_fences = (size - LIST_HDR) / LIST_ENTRY;
  return list;
}

/** Drop the references of a table's entries; null-safe. */
export function dma_resv_list_free(list: dma_resv_list | null): void {
  if (!list) return;
  for (let i = 0; i < list.num_fences; i++) dma_fence_put(list.table[i]);
}
