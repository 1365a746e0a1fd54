/**
 * A dynamic exporter for device memory (VRAM), written like a GPU driver's
 * dma-buf code: it implements pin/unpin, can evict (move) the buffer when it is
 * not pinned, and tells dynamic importers with dma_buf_move_notify() under the
 * reservation lock. After a move the backing pages change, so importers see new
 * DMA addresses when they map again.
 * @module
 */
import { ERR_PTR, IS_ERR, type ErrPtr } from '../kernel/err.js';
import { EBUSY, ENOMEM } from '../kernel/errno.js';
import {
  dma_buf_export, DEFINE_DMA_BUF_EXPORT_INFO, dma_buf_move_notify, type dma_buf, type dma_buf_ops, type dma_buf_attachment,
} from '../linux/dma-buf.js';
import { dma_resv_lock, dma_resv_unlock, dma_resv_wait_timeout, DMA_RESV_USAGE_BOOKKEEP } from '../linux/dma-resv.js';
import { dma_map_sgtable, dma_unmap_sgtable, type dma_data_direction } from '../linux/dma-mapping.js';
import { sg_free_table, type sg_table } from '../linux/scatterlist.js';
import { O_RDWR } from '../linux/file.js';
import { MAX_SCHEDULE_TIMEOUT } from '../kernel/clock.js';
import { alloc_pages, size_to_pages, sgt_for_pages } from './pages.js';

/** Where a VRAM buffer object lives. */
export type vram_placement = 'vram' | 'system';

/** The driver's buffer object (`dmabuf->priv`). */
export interface vram_bo {
  /** Current first page frame number. */
  pfn: number;
  /** Pages (of 4096 bytes). */
  npages: number;
  /** Current placement. */
  placement: vram_placement;
  /** Pin count (pinned buffers cannot move). */
  pin_count: number;
  /** Number of moves so far. */
  moves: number;
  /** Set after release. */
  freed: boolean;
  /** The exported buffer. */
  dmabuf: dma_buf | null;
}

function map(attach: dma_buf_attachment, dir: dma_data_direction): sg_table | ErrPtr {
  const bo = attach.dmabuf.priv as vram_bo;
  // VRAM is only reachable by peer-to-peer importers; others get system memory
  if (bo.placement === 'vram' && !attach.peer2peer) {
    if (bo.pin_count > 0) return ERR_PTR(-EBUSY);
    vram_bo_move(bo, 'system');
  }
  const sgt = sgt_for_pages(bo.pfn, bo.npages);
  if (dma_map_sgtable(attach.dev!, sgt, dir, 0)) return ERR_PTR(-ENOMEM);
  return sgt;
}

/** Dynamic exporter ops: pin/unpin, no cache_sgt_mapping (not allowed with pin). */
export const vram_buf_ops: dma_buf_ops = {
  pin(attach) {
    const bo = attach.dmabuf.priv as vram_bo;
    // a device that cannot reach VRAM gets the buffer pinned in system memory
    if (bo.placement === 'vram' && !attach.peer2peer) {
      if (bo.pin_count > 0) return -EBUSY;
      vram_bo_move(bo, 'system');
    }
    bo.pin_count++;
    return 0;
  },
  unpin(attach) {
    (attach.dmabuf.priv as vram_bo).pin_count--;
  },
  map_dma_buf: map,
  unmap_dma_buf(attach, sgt, dir) {
    dma_unmap_sgtable(attach.dev!, sgt, dir, 0);
    sg_free_table(sgt);
  },
  release(dmabuf) {
    (dmabuf.priv as vram_bo).freed = true;
  },
};

/**
 * A static VRAM exporter variant with cache_sgt_mapping (no pin/unpin: it
 * never moves while exported).
 */
export const vram_cached_buf_ops: dma_buf_ops = {
  cache_sgt_mapping: true,
  map_dma_buf: map,
  unmap_dma_buf: vram_buf_ops.unmap_dma_buf!,
  release: vram_buf_ops.release!,
};

/** Move `bo` to `to` (reservation lock held): new pages; notifies importers. Returns 0 or -EBUSY when pinned. */
export function vram_bo_move(bo: vram_bo, to: vram_placement): number {
  if (bo.pin_count > 0) return -EBUSY;
  bo.pfn = alloc_pages(bo.npages, to);
  bo.placement = to;
  bo.moves++;
  if (bo.dmabuf) dma_buf_move_notify(bo.dmabuf);
  return 0;
}

/**
 * Evict the buffer (like a memory-pressure shrinker): take the reservation
 * lock, wait for all fences, move it to `to`, notify importers, unlock.
 * Returns 0 or -EBUSY when pinned.
 */
export function vram_evict(bo: vram_bo, to: vram_placement = 'system'): number {
  const dmabuf = bo.dmabuf!;
  dma_resv_lock(dmabuf.resv, null);
  dma_resv_wait_timeout(dmabuf.resv, DMA_RESV_USAGE_BOOKKEEP, false, MAX_SCHEDULE_TIMEOUT);
  const r = vram_bo_move(bo, to);
  dma_resv_unlock(dmabuf.resv);
  return r;
}

/** Create and export a VRAM buffer of `size` bytes. `opts.cached` uses {@link vram_cached_buf_ops}. */
export function vram_bo_export(size: number, opts: { cached?: boolean } = {}): dma_buf | ErrPtr {
  const npages = size_to_pages(size);
  const bo: vram_bo = { pfn: alloc_pages(npages, 'vram'), npages, placement: 'vram', pin_count: 0, moves: 0, freed: false, dmabuf: null };
  const exp_info = DEFINE_DMA_BUF_EXPORT_INFO('vram');
  exp_info.ops = opts.cached ? vram_cached_buf_ops : vram_buf_ops;
  exp_info.size = npages * 4096;
  exp_info.flags = O_RDWR;
  exp_info.priv = bo;
  const buf = dma_buf_export(exp_info);
  if (!IS_ERR(buf)) bo.dmabuf = buf;
  return buf;
}
