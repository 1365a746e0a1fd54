/**
 * A static exporter backed by system memory, written like a dma-heap driver
 * (`drivers/dma-buf/heaps/system_heap.c` in spirit): pages are allocated at
 * export and never move; every map builds a table mapped for the importer's
 * device.
 * @module
 */
import { ERR_PTR, type ErrPtr } from '../kernel/err.js';
import { ENOMEM } from '../kernel/errno.js';
import {
  dma_buf_export, DEFINE_DMA_BUF_EXPORT_INFO, type dma_buf, type dma_buf_ops, type dma_buf_attachment,
} from '../linux/dma-buf.js';
import { dma_map_sgtable, dma_unmap_sgtable, type dma_data_direction } from '../linux/dma-mapping.js';
import { sg_free_table, type sg_table } from '../linux/scatterlist.js';
import { iosys_map_set_vaddr, type iosys_map } from '../linux/iosys-map.js';
import { O_RDWR, O_CLOEXEC } from '../linux/file.js';
import { alloc_pages, size_to_pages, sgt_for_pages } from './pages.js';

/** The heap's per-buffer data (`dmabuf->priv`). */
export interface system_heap_buffer {
  /** First page frame number. */
  pfn: number;
  /** Pages (of 4096 bytes). */
  npages: number;
  /** Set after release. */
  freed: boolean;
  /** Cache syncs done for CPU access (one per mapped attachment per begin/end_cpu_access). */
  cpu_syncs: number;
}

/** Mapped attachments (the heap syncs their tables around CPU access). */
function mapped_attachments(dmabuf: dma_buf): number {
  return dmabuf.attachments.filter((a) => ((a.priv as { mapped?: number } | null)?.mapped ?? 0) > 0).length;
}

function map(attach: dma_buf_attachment, dir: dma_data_direction): sg_table | ErrPtr {
  const buf = attach.dmabuf.priv as system_heap_buffer;
  const sgt = sgt_for_pages(buf.pfn, buf.npages);
  if (dma_map_sgtable(attach.dev!, sgt, dir, 0)) return ERR_PTR(-ENOMEM);
  attach.priv = { mapped: ((attach.priv as { mapped?: number } | null)?.mapped ?? 0) + 1 };
  return sgt;
}

function unmap(attach: dma_buf_attachment, sgt: sg_table, dir: dma_data_direction): void {
  const a = attach.priv as { mapped: number } | null;
  if (a) a.mapped--;
  dma_unmap_sgtable(attach.dev!, sgt, dir, 0);
  sg_free_table(sgt);
}

/** The heap's dma_buf_ops (static exporter: no pin/unpin). */
export const system_heap_buf_ops: dma_buf_ops = {
  map_dma_buf: map,
  unmap_dma_buf: unmap,
  release(dmabuf) {
    (dmabuf.priv as system_heap_buffer).freed = true;
  },
  // the real heap syncs every mapped attachment's table for the CPU, then back for the devices
  begin_cpu_access(dmabuf) {
    (dmabuf.priv as system_heap_buffer).cpu_syncs += mapped_attachments(dmabuf);
    return 0;
  },
  end_cpu_access(dmabuf) {
    (dmabuf.priv as system_heap_buffer).cpu_syncs += mapped_attachments(dmabuf);
    return 0;
  },
  vmap(dmabuf, m: iosys_map) {
    iosys_map_set_vaddr(m, 0xffffc900_0000_0 + (dmabuf.priv as system_heap_buffer).pfn * 4096);
    return 0;
  },
  vunmap() {},
  mmap() {
    return 0;
  },
};

/** Same exporter with `cache_sgt_mapping` set: the first map of each attachment is kept until detach. */
export const system_heap_cached_buf_ops: dma_buf_ops = { ...system_heap_buf_ops, cache_sgt_mapping: true };

/**
 * Allocate `len` bytes and export them; returns the dma_buf (one reference) or an ERR_PTR.
 * @param opts.cached use {@link system_heap_cached_buf_ops}.
 */
export function system_heap_allocate(len: number, opts: { cached?: boolean } = {}): dma_buf | ErrPtr {
  const npages = size_to_pages(len);
  const buffer: system_heap_buffer = { pfn: alloc_pages(npages, 'system'), npages, freed: false, cpu_syncs: 0 };
  const exp_info = DEFINE_DMA_BUF_EXPORT_INFO('system_heap');
  exp_info.ops = opts.cached ? system_heap_cached_buf_ops : system_heap_buf_ops;
  exp_info.size = npages * 4096;
  exp_info.flags = O_RDWR | O_CLOEXEC;
  exp_info.priv = buffer;
  return dma_buf_export(exp_info);
}
