/**
 * Static importer: attach, map, unmap, detach
 *
 * A display controller imports a buffer from a system-memory heap the way most drivers do:
 * dma_buf_attach() without importer ops, then dma_buf_map_attachment() under the buffer's
 * reservation lock for an sg_table in its own DMA address space. A second device mapping the
 * same pages gets different bus addresses. Unmap and detach in reverse order, then drop the
 * reference.
 */
import {
  dma_buf_attach, dma_buf_detach, dma_buf_map_attachment, dma_buf_unmap_attachment,
  dma_buf_map_attachment_unlocked, dma_buf_unmap_attachment_unlocked, dma_buf_put,
} from 'linux/dma-buf';
import { dma_resv_lock, dma_resv_unlock } from 'linux/dma-resv';
import { DMA_TO_DEVICE, DMA_FROM_DEVICE } from 'linux/dma-mapping';
import { sg_dma_address, sg_dma_len, sg_page } from 'linux/scatterlist';
import { device } from 'linux/device';
import { IS_ERR, PTR_ERR } from 'linux/err';
import { system_heap_allocate } from 'drivers/system-heap';

const hex = (n: number) => `0x${n.toString(16)}`;

const dmabuf = system_heap_allocate(8192);
if (IS_ERR(dmabuf)) throw new Error(`allocation failed: ${PTR_ERR(dmabuf)}`);

// The display engine scans the buffer out: it only reads it.
const display = new device('display0');
const attach = dma_buf_attach(dmabuf, display);
if (IS_ERR(attach)) throw new Error(`dma_buf_attach: ${PTR_ERR(attach)}`);

dma_resv_lock(dmabuf.resv, null);
const sgt = dma_buf_map_attachment(attach, DMA_TO_DEVICE);
dma_resv_unlock(dmabuf.resv);
if (IS_ERR(sgt)) throw new Error(`dma_buf_map_attachment: ${PTR_ERR(sgt)}`);
const sg = sgt.sgl[0];
console.log(`display0: pfn ${hex(sg_page(sg))} at bus address ${hex(sg_dma_address(sg))}, ${sg_dma_len(sg)} bytes`);

// A capture device writes into the same pages; the _unlocked helpers take the lock themselves.
const camera = new device('camera0');
const cam = dma_buf_attach(dmabuf, camera);
if (IS_ERR(cam)) throw new Error(`dma_buf_attach: ${PTR_ERR(cam)}`);
const cam_sgt = dma_buf_map_attachment_unlocked(cam, DMA_FROM_DEVICE);
if (IS_ERR(cam_sgt)) throw new Error(`dma_buf_map_attachment_unlocked: ${PTR_ERR(cam_sgt)}`);
console.log(`camera0:  pfn ${hex(sg_page(cam_sgt.sgl[0]))} at bus address ${hex(sg_dma_address(cam_sgt.sgl[0]))}`);
console.log(`attachments: ${dmabuf.attachments.length}`);

// Tear down in reverse order.
dma_buf_unmap_attachment_unlocked(cam, cam_sgt, DMA_FROM_DEVICE);
dma_buf_detach(dmabuf, cam);

dma_resv_lock(dmabuf.resv, null);
dma_buf_unmap_attachment(attach, sgt, DMA_TO_DEVICE);
dma_resv_unlock(dmabuf.resv);
dma_buf_detach(dmabuf, attach);
console.log(`attachments after detach: ${dmabuf.attachments.length}`);

dma_buf_put(dmabuf); // the last reference: the heap frees the pages
