/**
 * Pinning for scanout, and mmap to user space
 *
 * A display controller that can scan out of the GPU's VRAM over PCIe (peer-to-peer) imports a
 * framebuffer as a dynamic importer. While the buffer is on screen it must not move, so the
 * driver pins it with dma_buf_pin() under the reservation lock and evictions fail with -EBUSY.
 * After the flip away it unpins but keeps its mapping: the buffer may move again, and
 * move_notify tells the display that the mapping is stale. Separately, a GEM driver that imported
 * a buffer forwards a user mmap of its object to the exporter with dma_buf_mmap(), which checks
 * the range and points the vm_area_struct at the dma-buf's file and offset. Run it with
 * CONFIG_DMABUF_MOVE_NOTIFY on; with it off every mapping pins, and the buffer never moves.
 */
import {
  dma_buf_dynamic_attach, dma_buf_detach, dma_buf_pin, dma_buf_unpin, dma_buf_map_attachment, dma_buf_unmap_attachment,
  dma_buf_mmap, dma_buf_put, vm_area_struct, type dma_buf_attach_ops, type dma_buf_attachment,
} from 'linux/dma-buf';
import { dma_resv_lock, dma_resv_unlock } from 'linux/dma-resv';
import { DMA_TO_DEVICE } from 'linux/dma-mapping';
import { sg_dma_address, type sg_table } from 'linux/scatterlist';
import { device, PAGE_SIZE } from 'linux/device';
import { IS_ERR, PTR_ERR } from 'linux/err';
import { errname } from 'linux/errno';
import { vram_bo_export, vram_evict, type vram_bo } from 'drivers/vram';
import { system_heap_allocate } from 'drivers/system-heap';

const hex = (n: number) => `0x${n.toString(16)}`;

/** The display's per-framebuffer state (attach->importer_priv). */
interface fb_import {
  sgt: sg_table | null;
  pinned: boolean;
  /** Set by move_notify: the mapping points at the old location. */
  stale: boolean;
}

const display_attach_ops: dma_buf_attach_ops = {
  allow_peer2peer: true,
  // Called with the reservation lock held. A pinned buffer never moves, so this only runs
  // while the framebuffer is off screen; the next prepare_fb maps again.
  move_notify(attach: dma_buf_attachment) {
    const fb = attach.importer_priv as fb_import;
    console.log(`move_notify: pinned ${fb.pinned}, mapping is now stale`);
    fb.stale = true;
  },
};

/** Before a flip to this framebuffer: pin it, then (re)map it; both under the reservation lock. */
function display_prepare_fb(attach: dma_buf_attachment): number {
  const fb = attach.importer_priv as fb_import;
  dma_resv_lock(attach.dmabuf.resv, null);
  let ret = dma_buf_pin(attach);
  if (!ret && (!fb.sgt || fb.stale)) {
    if (fb.sgt) dma_buf_unmap_attachment(attach, fb.sgt, DMA_TO_DEVICE);
    fb.sgt = null;
    fb.stale = false;
    const sgt = dma_buf_map_attachment(attach, DMA_TO_DEVICE);
    if (IS_ERR(sgt)) ret = PTR_ERR(sgt);
    else fb.sgt = sgt;
  }
  if (ret) dma_buf_unpin(attach);
  fb.pinned = !ret;
  dma_resv_unlock(attach.dmabuf.resv);
  return ret;
}

/** After the flip away: unpin, keep the mapping for next time. */
function display_cleanup_fb(attach: dma_buf_attachment): void {
  const fb = attach.importer_priv as fb_import;
  dma_resv_lock(attach.dmabuf.resv, null);
  dma_buf_unpin(attach);
  fb.pinned = false;
  dma_resv_unlock(attach.dmabuf.resv);
}

const dmabuf = vram_bo_export(4 * PAGE_SIZE);
if (IS_ERR(dmabuf)) throw new Error(`vram_bo_export: ${PTR_ERR(dmabuf)}`);
const bo = dmabuf.priv as vram_bo;

const fb: fb_import = { sgt: null, pinned: false, stale: false };
const attach = dma_buf_dynamic_attach(dmabuf, new device('display0', { p2p: true }), display_attach_ops, fb);
if (IS_ERR(attach)) throw new Error(`dma_buf_dynamic_attach: ${PTR_ERR(attach)}`);

let ret = display_prepare_fb(attach);
console.log(`prepare_fb: ${ret}, pin_count ${bo.pin_count}, scanning out of ${bo.placement} at ${hex(sg_dma_address(fb.sgt!.sgl[0]))}`);
console.log(`eviction while on screen: ${errname(vram_evict(bo, 'system'))}`);
display_cleanup_fb(attach);
console.log(`after cleanup_fb: pin_count ${bo.pin_count}`);
ret = vram_evict(bo, 'system'); // -EBUSY with CONFIG_DMABUF_MOVE_NOTIFY off: the mapping pins
console.log(`eviction after unpin: ${errname(ret) ?? ret}, now in ${bo.placement}`);
ret = display_prepare_fb(attach); // on screen again: pinned where it is now, mapped anew
console.log(`prepare_fb: ${ret}, scanning out of ${bo.placement} at ${hex(sg_dma_address(fb.sgt!.sgl[0]))}`);
display_cleanup_fb(attach);

dma_resv_lock(dmabuf.resv, null);
dma_buf_unmap_attachment(attach, fb.sgt!, DMA_TO_DEVICE);
dma_resv_unlock(dmabuf.resv);
dma_buf_detach(dmabuf, attach);
dma_buf_put(dmabuf);

// A GEM object backed by an imported buffer: user mmap of the object goes to the exporter.
const shared = system_heap_allocate(4 * PAGE_SIZE);
if (IS_ERR(shared)) throw new Error(`system_heap_allocate: ${PTR_ERR(shared)}`);
const vma = new vm_area_struct(0x7f0000000000, 0x7f0000000000 + 2 * PAGE_SIZE);
ret = dma_buf_mmap(shared, vma, 1); // pages 1 and 2 of the buffer
console.log(`dma_buf_mmap(2 pages at page 1): ${ret}, vm_file is the dma-buf's: ${vma.vm_file === shared.file}, vm_pgoff ${vma.vm_pgoff}`);
ret = dma_buf_mmap(shared, new vm_area_struct(0x7f0000100000, 0x7f0000100000 + 2 * PAGE_SIZE), 3);
console.log(`dma_buf_mmap(2 pages at page 3): ${errname(ret)}: past the end of the buffer`);
dma_buf_put(shared);
