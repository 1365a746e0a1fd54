/**
 * A tiny page allocator for the sample exporters: hands out page frame numbers
 * (pages of 4096 bytes) per kernel instance, so moves get new pfns.
 * @module
 */
import { K } from '../kernel/current.js';
import { PAGE_SIZE } from '../linux/device.js';
import { sg_table, sg_alloc_table, sg_set_page } from '../linux/scatterlist.js';

const PAGES = Symbol('pages');

/** Allocate `n` contiguous page frame numbers from region `base` (system RAM 0x100000, VRAM 0x800000). */
export function alloc_pages(n: number, region: 'system' | 'vram' = 'system'): number {
  const st = K().subsys(PAGES, () => ({ system: 0x100000, vram: 0x800000 }));
  const pfn = st[region];
  st[region] += n;
  return pfn;
}

/** Pages (of 4096 bytes) needed for `size` bytes. */
export function size_to_pages(size: number): number {
  return Math.max(1, Math.ceil(size / PAGE_SIZE));
}

/** Build a one-segment sg_table over `npages` pages at `pfn`. */
export function sgt_for_pages(pfn: number, npages: number): sg_table {
  const sgt = new sg_table();
  sg_alloc_table(sgt, 1);
  sg_set_page(sgt.sgl[0]!, pfn, npages * PAGE_SIZE, 0);
  return sgt;
}
