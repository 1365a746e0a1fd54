/**
 * Dynamic importer surviving a move
 *
 * A GPU imports a buffer from a VRAM exporter with dma_buf_dynamic_attach() and its own
 * dma_buf_attach_ops. Nothing is pinned: when memory pressure makes the exporter evict the
 * buffer, the exporter calls dma_buf_move_notify() under the reservation lock, our move_notify
 * marks the mapping stale, and the next use maps again and sees new pages and new DMA
 * addresses. Run it with CONFIG_DMABUF_MOVE_NOTIFY on; with it off (Debian's default) every map
 * pins the buffer, so the eviction fails with -EBUSY instead.
 */
import {
  dma_buf_dynamic_attach, dma_buf_detach, dma_buf_map_attachment, dma_buf_unmap_attachment, dma_buf_put,
  type dma_buf_attachment, type dma_buf_attach_ops,
} from 'linux/dma-buf';
import { dma_resv_lock, dma_resv_unlock } from 'linux/dma-resv';
import { DMA_BIDIRECTIONAL } from 'linux/dma-mapping';
import { sg_dma_address, sg_page, type sg_table } from 'linux/scatterlist';
import { device } from 'linux/device';
import { IS_ERR, PTR_ERR } from 'linux/err';
import { EBUSY } from 'linux/errno';
import { vram_bo_export, vram_evict, type vram_bo } from 'drivers/vram';

const hex = (n: number) => `0x${n.toString(16)}`;

/** The importer's per-attachment state (attach->importer_priv). */
interface gpu_import {
  attach: dma_buf_attachment | null;
  /** The mapping in use, or null after a move. */
  sgt: sg_table | null;
  /** A mapping move_notify invalidated; unmapped at next use. */
  stale: sg_table | null;
}

const gpu_attach_ops: dma_buf_attach_ops = {
  allow_peer2peer: true,
  // Called by the exporter with the reservation lock held: no new mapping here, just forget it.
  move_notify(attach) {
    const imp = attach.importer_priv as gpu_import;
    console.log(`move_notify: mapping at ${imp.sgt ? hex(sg_dma_address(imp.sgt.sgl[0])) : 'none'} is now stale`);
    if (imp.sgt) {
      imp.stale = imp.sgt;
      imp.sgt = null;
    }
  },
};

/** Before each job: a valid mapping, made again if the buffer moved. Takes the lock. */
function gpu_get_pages(imp: gpu_import): sg_table {
  const attach = imp.attach!;
  dma_resv_lock(attach.dmabuf.resv, null);
  if (!imp.sgt) {
    const sgt = dma_buf_map_attachment(attach, DMA_BIDIRECTIONAL);
    if (IS_ERR(sgt)) {
      dma_resv_unlock(attach.dmabuf.resv);
      throw new Error(`dma_buf_map_attachment: ${PTR_ERR(sgt)}`);
    }
    imp.sgt = sgt;
  }
  if (imp.stale) {
    dma_buf_unmap_attachment(attach, imp.stale, DMA_BIDIRECTIONAL);
    imp.stale = null;
  }
  dma_resv_unlock(attach.dmabuf.resv);
  return imp.sgt;
}

const dmabuf = vram_bo_export(8192);
if (IS_ERR(dmabuf)) throw new Error(`vram_bo_export: ${PTR_ERR(dmabuf)}`);
const bo = dmabuf.priv as vram_bo;

const imp: gpu_import = { attach: null, sgt: null, stale: null };
const attach = dma_buf_dynamic_attach(dmabuf, new device('gpu1', { p2p: true }), gpu_attach_ops, imp);
if (IS_ERR(attach)) throw new Error(`dma_buf_dynamic_attach: ${PTR_ERR(attach)}`);
imp.attach = attach;

let sgt = gpu_get_pages(imp);
console.log(`mapped:    pfn ${hex(sg_page(sgt.sgl[0]))} (${bo.placement}) at ${hex(sg_dma_address(sgt.sgl[0]))}`);

// Memory pressure: the exporter evicts the buffer to system memory.
const ret = vram_evict(bo, 'system');
if (ret === -EBUSY) {
  console.log('vram_evict: -EBUSY: the mapping pinned the buffer (CONFIG_DMABUF_MOVE_NOTIFY is off)');
} else {
  sgt = gpu_get_pages(imp);
  console.log(`re-mapped: pfn ${hex(sg_page(sgt.sgl[0]))} (${bo.placement}) at ${hex(sg_dma_address(sgt.sgl[0]))}`);
}

// Tear down: unmap under the lock, detach without it, drop our reference.
dma_resv_lock(dmabuf.resv, null);
dma_buf_unmap_attachment(attach, imp.sgt!, DMA_BIDIRECTIONAL);
dma_resv_unlock(dmabuf.resv);
dma_buf_detach(dmabuf, attach);
dma_buf_put(dmabuf);
console.log(`moves: ${bo.moves}, freed: ${bo.freed}`);
