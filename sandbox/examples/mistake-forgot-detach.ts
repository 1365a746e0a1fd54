/**
 * Mistake: forgetting to detach
 *
 * Every dma_buf_attach() needs its dma_buf_detach() before the importer drops its reference.
 * Here an importer puts the buffer while still attached: the last reference releases the buffer
 * with an attachment still on its list, and the kernel warns from dma_buf_release(). The
 * attachment (and its device's view of the memory) is leaked.
 */
import { dma_buf_attach, dma_buf_put, dma_buf_refcount } from 'linux/dma-buf';
import { device } from 'linux/device';
import { IS_ERR, PTR_ERR } from 'linux/err';
import { system_heap_allocate } from 'drivers/system-heap';

const dmabuf = system_heap_allocate(4096);
if (IS_ERR(dmabuf)) throw new Error(`allocation failed: ${PTR_ERR(dmabuf)}`);
const attach = dma_buf_attach(dmabuf, new device('display0'));
if (IS_ERR(attach)) throw new Error(`dma_buf_attach: ${PTR_ERR(attach)}`);
console.log(`attached: ${dmabuf.attachments.length} attachment(s), refs=${dma_buf_refcount(dmabuf)}`);

// Wrong: no dma_buf_detach(dmabuf, attach) before the last put. Look at the kernel log.
dma_buf_put(dmabuf);
console.log(`released with ${dmabuf.attachments.length} attachment(s) still listed`);
