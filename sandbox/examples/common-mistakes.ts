/**
 * Example: common mistakes and what the kernel says about them: mapping
 * without the reservation lock, and adding a callback to a fence that has
 * already signaled (-ENOENT: the callback will never run).
 */
import { dma_buf_attach, dma_buf_detach, dma_buf_map_attachment, dma_buf_unmap_attachment, dma_buf_put, type dma_buf } from '../linux/dma-buf.ts';
import { dma_fence, dma_fence_cb, dma_fence_init, dma_fence_context_alloc, dma_fence_signal, dma_fence_add_callback, dma_fence_put, spinlock_t } from '../linux/dma-fence.ts';
import { DMA_TO_DEVICE } from '../linux/dma-mapping.ts';
import { device } from '../linux/device.ts';
import { IS_ERR } from '../linux/err.ts';
import { ENOENT } from '../linux/errno.ts';
import { system_heap_allocate } from '../drivers/system-heap.ts';

export function main(): number {
  // 1. dma_buf_map_attachment() needs the reservation lock
  const buf = system_heap_allocate(4096) as dma_buf;
  const attach = dma_buf_attach(buf, new device('display0'));
  if (IS_ERR(attach)) return -1;
  const sgt = dma_buf_map_attachment(attach, DMA_TO_DEVICE); // no dma_resv_lock(): lockdep complains
  if (!IS_ERR(sgt)) dma_buf_unmap_attachment(attach, sgt, DMA_TO_DEVICE);
  dma_buf_detach(buf, attach);
  dma_buf_put(buf);

  // 2. a callback added after the fence signaled never runs
  const fence = new dma_fence();
  dma_fence_init(fence, { get_driver_name: () => 'example', get_timeline_name: () => 'ring0' }, new spinlock_t(), dma_fence_context_alloc(1), 1);
  dma_fence_signal(fence);
  const ret = dma_fence_add_callback(fence, new dma_fence_cb(), () => console.log('never printed'));
  console.log(`dma_fence_add_callback: ${ret === -ENOENT ? '-ENOENT' : ret}`);
  dma_fence_put(fence);
  return 0;
}
