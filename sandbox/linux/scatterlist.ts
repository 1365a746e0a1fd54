/**
 * `linux/scatterlist.h`, reduced: `struct scatterlist` and `struct sg_table`.
 *
 * A page is identified by its page frame number (pfn, pages of 4096 bytes);
 * `page_link` holds it (scrambled while an importer owns the table when
 * CONFIG_DMABUF_DEBUG is on).
 * @module
 */

/** `struct scatterlist`: one contiguous segment. */
export class scatterlist {
  /** Page frame number of the first page (pages of 4096 bytes). */
  page_link = 0;
  /** Offset into the first page, bytes. */
  offset = 0;
  /** Length, bytes. */
  length = 0;
  /** Bus address in the mapping device's DMA space, bytes. */
  dma_address = 0;
  /** Mapped length, bytes. */
  dma_length = 0;
}

/** `struct sg_table`. */
export class sg_table {
  /** The segments. */
  sgl: scatterlist[] = [];
  /** Number of mapped segments. */
  nents = 0;
  /** Number of segments allocated. */
  orig_nents = 0;
  /** @internal model id */
  __id = 0;
}

/** Allocate `nents` segments. Returns 0. Mirrors `lib/scatterlist.c: sg_alloc_table, v6.12`. */
export function sg_alloc_table(table: sg_table, nents: number): number {
  table.sgl = [];
  for (let i = 0; i < nents; i++) table.sgl.push(new scatterlist());
  table.nents = table.orig_nents = nents;
  return 0;
}

/** Free the segments. Mirrors `lib/scatterlist.c: sg_free_table, v6.12`. */
export function sg_free_table(table: sg_table): void {
  table.sgl = [];
  table.nents = table.orig_nents = 0;
}

/** Point `sg` at `len` bytes of page `pfn` from `offset`. Mirrors `include/linux/scatterlist.h: sg_set_page, v6.12`. */
export function sg_set_page(sg: scatterlist, pfn: number, len: number, offset: number): void {
  sg.page_link = pfn;
  sg.length = len;
  sg.offset = offset;
}

/** Bus address of a mapped segment. Mirrors `include/linux/scatterlist.h: sg_dma_address, v6.12`. */
export function sg_dma_address(sg: scatterlist): number {
  return sg.dma_address;
}

/** Mapped length of a segment. Mirrors `include/linux/scatterlist.h: sg_dma_len, v6.12`. */
export function sg_dma_len(sg: scatterlist): number {
  return sg.dma_length;
}

/** Page frame number of a segment. Mirrors `include/linux/scatterlist.h: sg_page, v6.12` (pfn instead of struct page). */
export function sg_page(sg: scatterlist): number {
  return sg.page_link;
}

/** `for_each_sgtable_sg(sgt, sg, i)` as an iterator of `[sg, i]`. */
export function* for_each_sgtable_sg(sgt: sg_table): Generator<[scatterlist, number]> {
  for (let i = 0; i < sgt.orig_nents; i++) yield [sgt.sgl[i]!, i];
}

/** `for_each_sgtable_dma_sg(sgt, sg, i)` as an iterator of `[sg, i]`. */
export function* for_each_sgtable_dma_sg(sgt: sg_table): Generator<[scatterlist, number]> {
  for (let i = 0; i < sgt.nents; i++) yield [sgt.sgl[i]!, i];
}
