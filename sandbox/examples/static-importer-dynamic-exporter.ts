/**
 * Static importer on a dynamic exporter: automatic pin, cached mapping
 *
 * A display engine knows nothing about move_notify, so when it attaches to a buffer whose
 * exporter can move it, the core pins the buffer at attach time and maps it once,
 * DMA_BIDIRECTIONAL, keeping that sg_table in the attachment. Every dma_buf_map_attachment()
 * returns that same table, unmapping it does nothing, the exporter cannot evict the buffer, and
 * only dma_buf_detach() unmaps and unpins it.
 */
import {
  dma_buf_attach, dma_buf_detach, dma_buf_map_attachment, dma_buf_unmap_attachment, dma_buf_put,
  dma_buf_is_dynamic, dma_buf_attachment_is_dynamic,
} from 'linux/dma-buf';
import { dma_resv_lock, dma_resv_unlock } from 'linux/dma-resv';
import { DMA_TO_DEVICE, dma_dir_name } from 'linux/dma-mapping';
import { sg_dma_address, sg_page } from 'linux/scatterlist';
import { device } from 'linux/device';
import { IS_ERR, PTR_ERR } from 'linux/err';
import { errname } from 'linux/errno';
import { vram_bo_export, vram_evict, type vram_bo } from 'drivers/vram';

const hex = (n: number) => `0x${n.toString(16)}`;

const dmabuf = vram_bo_export(16384);
if (IS_ERR(dmabuf)) throw new Error(`vram_bo_export: ${PTR_ERR(dmabuf)}`);
const bo = dmabuf.priv as vram_bo;
console.log(`exporter dynamic: ${dma_buf_is_dynamic(dmabuf)}, buffer in ${bo.placement}`);

const attach = dma_buf_attach(dmabuf, new device('display0'));
if (IS_ERR(attach)) throw new Error(`dma_buf_attach: ${PTR_ERR(attach)}`);
console.log(`importer dynamic: ${dma_buf_attachment_is_dynamic(attach)}`);
console.log(`after attach: pin_count=${bo.pin_count}, placement=${bo.placement}, cached ${dma_dir_name(attach.dir)} table: ${attach.sgt !== null}`);

dma_resv_lock(dmabuf.resv, null);
const sgt = dma_buf_map_attachment(attach, DMA_TO_DEVICE);
if (IS_ERR(sgt)) throw new Error(`dma_buf_map_attachment: ${PTR_ERR(sgt)}`);
console.log(`map returns the cached table: ${sgt === attach.sgt} (pfn ${hex(sg_page(sgt.sgl[0]))} at ${hex(sg_dma_address(sgt.sgl[0]))})`);
dma_buf_unmap_attachment(attach, sgt, DMA_TO_DEVICE); // a no-op for the cached table
dma_resv_unlock(dmabuf.resv);
console.log(`after unmap: still cached: ${attach.sgt === sgt}`);

// The pin holds the buffer in place.
console.log(`vram_evict while attached: ${errname(vram_evict(bo, 'system'))}`);

dma_buf_detach(dmabuf, attach); // unmaps the cached table and unpins
console.log(`after detach: pin_count=${bo.pin_count}`);
console.log(`vram_evict after detach: ${vram_evict(bo, 'vram')}, now in ${bo.placement}`);
dma_buf_put(dmabuf);
