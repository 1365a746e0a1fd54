/**
 * Implicit sync through dma_resv: writers and readers
 *
 * Devices that share a buffer without passing fences to each other synchronise through the
 * buffer's dma_resv. A job that writes adds its fence with DMA_RESV_USAGE_WRITE, a job that
 * reads with DMA_RESV_USAGE_READ, always under the reservation lock after
 * dma_resv_reserve_fences(). A new reader waits for the writers only (dma_resv_usage_rw(false) is
 * WRITE), a new writer for everyone (dma_resv_usage_rw(true) is READ). Here a GPU renders, an
 * encoder and a display read the result, and the CPU then wants to write.
 */
import { dma_buf_put, type dma_buf } from 'linux/dma-buf';
import {
  dma_resv_lock, dma_resv_unlock, dma_resv_reserve_fences, dma_resv_add_fence, dma_resv_wait_timeout,
  dma_resv_test_signaled, dma_resv_for_each_fence, dma_resv_iter, dma_resv_iter_usage, dma_resv_usage_rw,
  dma_resv_usage, DMA_RESV_USAGE_WRITE, DMA_RESV_USAGE_READ, DMA_RESV_USAGE_BOOKKEEP,
} from 'linux/dma-resv';
import { dma_fence_put, dma_fence_is_signaled, type dma_fence } from 'linux/dma-fence';
import { msecs_to_jiffies, ktime_get_ns, ktime_to_us } from 'linux/jiffies';
import { IS_ERR, PTR_ERR } from 'linux/err';
import { system_heap_allocate } from 'drivers/system-heap';
import { sim_device, sim_device_queue_job } from 'drivers/sim-device';

const now = () => `t=${ktime_to_us(ktime_get_ns())}us`;

/** Queue a job on `ring` that accesses `buf`, and publish its fence in the buffer's dma_resv. */
function submit(ring: sim_device, buf: dma_buf, duration_us: number, usage: dma_resv_usage): dma_fence {
  // Wait for whoever this access conflicts with (a real driver would make the job depend on them).
  const write = usage === DMA_RESV_USAGE_WRITE;
  const ret = dma_resv_wait_timeout(buf.resv, dma_resv_usage_rw(write), true, msecs_to_jiffies(1000));
  if (ret <= 0) throw new Error(`dma_resv_wait_timeout: ${ret}`);
  const fence = sim_device_queue_job(ring, { duration_us });
  dma_resv_lock(buf.resv, null);
  if (dma_resv_reserve_fences(buf.resv, 1) === 0) dma_resv_add_fence(buf.resv, fence, usage);
  dma_resv_unlock(buf.resv);
  console.log(`${now()}: ${ring.name} queued a ${duration_us} us job as ${dma_resv_usage[usage]}`);
  return fence;
}

const buf = system_heap_allocate(1 << 20);
if (IS_ERR(buf)) throw new Error(`allocation failed: ${PTR_ERR(buf)}`);

const render = submit(new sim_device('gpu0'), buf, 4000, DMA_RESV_USAGE_WRITE);
const encode = submit(new sim_device('venc0'), buf, 3000, DMA_RESV_USAGE_READ); // waited for gpu0
const scanout = submit(new sim_device('display0'), buf, 16000, DMA_RESV_USAGE_READ); // no writer left to wait for

// What the dma_resv holds now (BOOKKEEP includes every usage). gpu0's fence is gone: it had
// signaled, so dma_resv_add_fence() reused its slot.
dma_resv_lock(buf.resv, null);
const cursor = new dma_resv_iter();
for (const f of dma_resv_for_each_fence(cursor, buf.resv, DMA_RESV_USAGE_BOOKKEEP))
  console.log(`  ${f.ops.get_timeline_name(f)} seq ${f.seqno}: ${dma_resv_usage[dma_resv_iter_usage(cursor)]}, ${dma_fence_is_signaled(f) ? 'signaled' : 'pending'}`);
dma_resv_unlock(buf.resv);

// The CPU wants to write: readers and writers must be done.
console.log(`${now()}: writers done: ${dma_resv_test_signaled(buf.resv, DMA_RESV_USAGE_WRITE)}, readers done: ${dma_resv_test_signaled(buf.resv, DMA_RESV_USAGE_READ)}`);
const ret = dma_resv_wait_timeout(buf.resv, dma_resv_usage_rw(true), true, msecs_to_jiffies(100));
console.log(`${now()}: CPU may write (wait returned ${ret}); encoder done: ${dma_fence_is_signaled(encode)}, display done: ${dma_fence_is_signaled(scanout)}`);

for (const f of [render, encode, scanout]) dma_fence_put(f);
dma_buf_put(buf);
