/**
 * Mistake: mapping without the reservation lock
 *
 * Since Linux 6.2 dma_buf_map_attachment() and dma_buf_unmap_attachment() expect the importer to
 * hold the buffer's reservation lock (dma_resv_lock()), or to use the _unlocked variants that
 * take it. Forgetting it works by accident here, but the kernel's lock check reports it in the
 * log, naming the function and the rule. The fix is shown after the mistake.
 */
import {
  dma_buf_attach, dma_buf_detach, dma_buf_map_attachment, dma_buf_unmap_attachment, dma_buf_put,
} from 'linux/dma-buf';
import { dma_resv_lock, dma_resv_unlock } from 'linux/dma-resv';
import { DMA_TO_DEVICE } from 'linux/dma-mapping';
import { device } from 'linux/device';
import { IS_ERR, PTR_ERR } from 'linux/err';
import { system_heap_allocate } from 'drivers/system-heap';

const dmabuf = system_heap_allocate(4096);
if (IS_ERR(dmabuf)) throw new Error(`allocation failed: ${PTR_ERR(dmabuf)}`);
const attach = dma_buf_attach(dmabuf, new device('display0'));
if (IS_ERR(attach)) throw new Error(`dma_buf_attach: ${PTR_ERR(attach)}`);

// Wrong: no dma_resv_lock() around the map. Look at the kernel log.
const sgt = dma_buf_map_attachment(attach, DMA_TO_DEVICE);
console.log(`unlocked map: ${IS_ERR(sgt) ? PTR_ERR(sgt) : 'returned a table anyway'}`);

// Right: take the lock around map and unmap (or call the _unlocked variants).
dma_resv_lock(dmabuf.resv, null);
if (!IS_ERR(sgt)) dma_buf_unmap_attachment(attach, sgt, DMA_TO_DEVICE);
dma_resv_unlock(dmabuf.resv);

dma_buf_detach(dmabuf, attach);
dma_buf_put(dmabuf);
console.log('done');
