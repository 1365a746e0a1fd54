/**
 * CPU access: begin/end_cpu_access and vmap
 *
 * The CPU reads a buffer a device is still writing. dma_buf_begin_cpu_access() first lets the
 * exporter sync caches, then waits for the fences in the buffer's dma_resv that the direction
 * needs (for DMA_FROM_DEVICE: the writers), so the read starts only when the device job is done,
 * on the virtual clock. dma_buf_end_cpu_access() hands the buffer back. dma_buf_vmap() gives a
 * kernel address under the reservation lock; nested vmaps share one mapping and the exporter
 * unmaps it at the last dma_buf_vunmap().
 */
import {
  dma_buf_attach, dma_buf_detach, dma_buf_map_attachment_unlocked, dma_buf_unmap_attachment_unlocked,
  dma_buf_begin_cpu_access, dma_buf_end_cpu_access, dma_buf_vmap, dma_buf_vunmap, dma_buf_vmap_unlocked,
  dma_buf_vunmap_unlocked, dma_buf_put,
} from 'linux/dma-buf';
import { dma_resv_lock, dma_resv_unlock, dma_resv_reserve_fences, dma_resv_add_fence, DMA_RESV_USAGE_WRITE } from 'linux/dma-resv';
import { dma_fence_put, dma_fence_is_signaled } from 'linux/dma-fence';
import { DMA_FROM_DEVICE } from 'linux/dma-mapping';
import { iosys_map } from 'linux/iosys-map';
import { ktime_get_ns, ktime_to_us } from 'linux/jiffies';
import { IS_ERR, PTR_ERR } from 'linux/err';
import { system_heap_allocate, type system_heap_buffer } from 'drivers/system-heap';
import { sim_device, sim_device_queue_job } from 'drivers/sim-device';

const now = () => `t=${ktime_to_us(ktime_get_ns())}us`;

const dmabuf = system_heap_allocate(65536);
if (IS_ERR(dmabuf)) throw new Error(`allocation failed: ${PTR_ERR(dmabuf)}`);
const heap = dmabuf.priv as system_heap_buffer;

// A decoder writes a frame into the buffer: 800 us of device work.
const decoder = new sim_device('vdec0');
const attach = dma_buf_attach(dmabuf, decoder.dev);
if (IS_ERR(attach)) throw new Error(`dma_buf_attach: ${PTR_ERR(attach)}`);
const sgt = dma_buf_map_attachment_unlocked(attach, DMA_FROM_DEVICE);
if (IS_ERR(sgt)) throw new Error(`dma_buf_map_attachment_unlocked: ${PTR_ERR(sgt)}`);
const job = sim_device_queue_job(decoder, { duration_us: 800 });

// Publish the job's fence as the buffer's writer (implicit sync).
dma_resv_lock(dmabuf.resv, null);
if (dma_resv_reserve_fences(dmabuf.resv, 1) === 0) dma_resv_add_fence(dmabuf.resv, job, DMA_RESV_USAGE_WRITE);
dma_resv_unlock(dmabuf.resv);
console.log(`${now()}: decode queued, done: ${dma_fence_is_signaled(job)}`);

// The CPU wants to read the frame: this waits for the writer.
let ret = dma_buf_begin_cpu_access(dmabuf, DMA_FROM_DEVICE);
console.log(`${now()}: begin_cpu_access = ${ret}, decode done: ${dma_fence_is_signaled(job)}, cache syncs: ${heap.cpu_syncs}`);

const map = new iosys_map();
dma_resv_lock(dmabuf.resv, null);
ret = dma_buf_vmap(dmabuf, map);
dma_resv_unlock(dmabuf.resv);
if (ret) throw new Error(`dma_buf_vmap: ${ret}`);
console.log(`vmap: vaddr 0x${map.vaddr.toString(16)}, vmapping_counter=${dmabuf.vmapping_counter}`);

const again = new iosys_map();
dma_buf_vmap_unlocked(dmabuf, again); // a second user shares the mapping
console.log(`second vmap: same address: ${again.vaddr === map.vaddr}, vmapping_counter=${dmabuf.vmapping_counter}`);
dma_buf_vunmap_unlocked(dmabuf, again);

dma_resv_lock(dmabuf.resv, null);
dma_buf_vunmap(dmabuf, map); // the last one: the exporter's vunmap runs
dma_resv_unlock(dmabuf.resv);
console.log(`after vunmap: vmapping_counter=${dmabuf.vmapping_counter}`);

ret = dma_buf_end_cpu_access(dmabuf, DMA_FROM_DEVICE);
console.log(`end_cpu_access = ${ret}, cache syncs: ${heap.cpu_syncs}`);

dma_fence_put(job);
dma_buf_unmap_attachment_unlocked(attach, sgt, DMA_FROM_DEVICE);
dma_buf_detach(dmabuf, attach);
dma_buf_put(dmabuf);
