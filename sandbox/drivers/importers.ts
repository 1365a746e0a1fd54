/**
 * Sample importers written like drivers:
 * - a static importer (a display engine): dma_buf_attach() and map once;
 * - a dynamic importer (a GPU that can re-map): handles move_notify by
 *   invalidating its mapping and re-mapping under the lock on next use;
 * - a peer-to-peer capable variant of the dynamic importer.
 * @module
 */
import { IS_ERR, PTR_ERR, type ErrPtr } from '../kernel/err.js';
import {
  dma_buf_attach, dma_buf_dynamic_attach, dma_buf_detach, dma_buf_map_attachment, dma_buf_unmap_attachment,
  dma_buf_map_attachment_unlocked, dma_buf_unmap_attachment_unlocked,
  type dma_buf, type dma_buf_attachment, type dma_buf_attach_ops,
} from '../linux/dma-buf.js';
import { dma_resv_lock, dma_resv_unlock } from '../linux/dma-resv.js';
import { DMA_BIDIRECTIONAL, type dma_data_direction } from '../linux/dma-mapping.js';
import type { device } from '../linux/device.js';
import type { sg_table } from '../linux/scatterlist.js';

/** State of a static importer (e.g. a scanout buffer of a display controller). */
export interface static_importer {
  attach: dma_buf_attachment;
  sgt: sg_table | null;
  dir: dma_data_direction;
}

/** Attach `dev` statically and map once (unlocked helpers). Returns the importer or an ERR_PTR. */
export function static_importer_import(dmabuf: dma_buf, dev: device, dir: dma_data_direction = DMA_BIDIRECTIONAL): static_importer | ErrPtr {
  const attach = dma_buf_attach(dmabuf, dev);
  if (IS_ERR(attach)) return attach;
  const sgt = dma_buf_map_attachment_unlocked(attach, dir);
  if (IS_ERR(sgt)) {
    dma_buf_detach(dmabuf, attach);
    return sgt;
  }
  return { attach, sgt, dir };
}

/** Unmap and detach. */
export function static_importer_release(imp: static_importer): void {
  if (imp.sgt) dma_buf_unmap_attachment_unlocked(imp.attach, imp.sgt, imp.dir);
  imp.sgt = null;
  dma_buf_detach(imp.attach.dmabuf, imp.attach);
}

/** State of a dynamic importer. */
export interface dynamic_importer {
  attach: dma_buf_attachment;
  /** Current mapping, or null when invalidated or never made. */
  sgt: sg_table | null;
  /** Mapping that move_notify invalidated; unmapped on next use. */
  stale: sg_table | null;
  /** Number of move notifications seen. */
  invalidations: number;
}

/** Importer ops of the dynamic importer: move_notify invalidates the mapping. */
export const dynamic_importer_ops: dma_buf_attach_ops = {
  allow_peer2peer: false,
  move_notify(attach) {
    const imp = attach.importer_priv as dynamic_importer;
    imp.invalidations++;
    if (imp.sgt) {
      imp.stale = imp.sgt;
      imp.sgt = null;
    }
  },
};

/** The same importer accepting peer-to-peer (VRAM) mappings. */
export const p2p_importer_ops: dma_buf_attach_ops = { ...dynamic_importer_ops, allow_peer2peer: true };

/** Attach dynamically. Returns the importer or an ERR_PTR. */
export function dynamic_importer_import(dmabuf: dma_buf, dev: device, opts: { p2p?: boolean } = {}): dynamic_importer | ErrPtr {
  const imp = { sgt: null, stale: null, invalidations: 0 } as unknown as dynamic_importer;
  const attach = dma_buf_dynamic_attach(dmabuf, dev, opts.p2p ? p2p_importer_ops : dynamic_importer_ops, imp);
  if (IS_ERR(attach)) return attach;
  imp.attach = attach;
  return imp;
}

/**
 * Get a valid mapping for a job, re-mapping after a move. Takes the lock
 * itself. Returns the table or an ERR_PTR.
 */
export function dynamic_importer_get_sgt(imp: dynamic_importer): sg_table | ErrPtr {
  const resv = imp.attach.dmabuf.resv;
  dma_resv_lock(resv, null);
  if (imp.stale) {
    dma_buf_unmap_attachment(imp.attach, imp.stale, DMA_BIDIRECTIONAL);
    imp.stale = null;
  }
  if (!imp.sgt) {
    const sgt = dma_buf_map_attachment(imp.attach, DMA_BIDIRECTIONAL);
    if (IS_ERR(sgt)) {
      dma_resv_unlock(resv);
      return sgt;
    }
    imp.sgt = sgt;
  }
  const sgt = imp.sgt;
  dma_resv_unlock(resv);
  return sgt;
}

/** Unmap (under the lock) and detach. Returns 0 or a negative errno. */
export function dynamic_importer_release(imp: dynamic_importer): number {
  const resv = imp.attach.dmabuf.resv;
  dma_resv_lock(resv, null);
  for (const s of [imp.stale, imp.sgt]) if (s) dma_buf_unmap_attachment(imp.attach, s, DMA_BIDIRECTIONAL);
  imp.sgt = imp.stale = null;
  dma_resv_unlock(resv);
  dma_buf_detach(imp.attach.dmabuf, imp.attach);
  return PTR_ERR(null);
}
