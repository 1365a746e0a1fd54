/**
 * Mistake: using a buffer after the last put
 *
 * dma_buf_put() drops a reference; when it was the last one, the exporter's release() frees the
 * buffer at once. A pointer kept past that point dangles: the next call through it reads freed
 * memory, which KASAN reports as a use-after-free, naming the function that touched the buffer
 * and the one that freed it. The run ends there with an oops. Keep a reference for as long as
 * you use the buffer (get_dma_buf()), and put it last.
 */
import { dma_buf_put, dma_buf_refcount, dma_buf_begin_cpu_access } from 'linux/dma-buf';
import { DMA_FROM_DEVICE } from 'linux/dma-mapping';
import { IS_ERR, PTR_ERR } from 'linux/err';
import { system_heap_allocate } from 'drivers/system-heap';

const dmabuf = system_heap_allocate(4096);
if (IS_ERR(dmabuf)) throw new Error(`allocation failed: ${PTR_ERR(dmabuf)}`);
console.log(`refs=${dma_buf_refcount(dmabuf)}`);

dma_buf_put(dmabuf); // the only reference: the buffer is released and freed here
console.log('put the last reference');

// Wrong: dmabuf still points at the freed buffer.
dma_buf_begin_cpu_access(dmabuf, DMA_FROM_DEVICE);
console.log('never printed: the oops ends the run');
