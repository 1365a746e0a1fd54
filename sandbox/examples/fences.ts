/**
 * Fences: signal, callbacks, waits with a timeout, errors
 *
 * A driver's own fence (dma_fence_ops, a lock, a context and a seqno) gets a callback that runs
 * when it signals; a callback can be taken back before that. A wait with a timeout on a fence
 * nobody signals returns 0 after the timeout has passed on the virtual clock, while a wait on a
 * device job returns the jiffies left. A job that fails signals with an error that
 * dma_fence_get_status() reports, and closing a sw_sync timeline signals its pending points
 * with -ENOENT.
 */
import {
  dma_fence, dma_fence_cb, dma_fence_init, dma_fence_context_alloc, dma_fence_signal, dma_fence_add_callback,
  dma_fence_remove_callback, dma_fence_wait_timeout, dma_fence_get_status, dma_fence_is_signaled, dma_fence_put,
  spinlock_t, type dma_fence_ops,
} from 'linux/dma-fence';
import { msecs_to_jiffies, jiffies_to_msecs, ktime_get_ns, ktime_to_us } from 'linux/jiffies';
import { EIO, errname } from 'linux/errno';
import { sim_device, sim_device_queue_job } from 'drivers/sim-device';
import { sync_timeline_create, sync_pt_create, sync_timeline_signal, sw_sync_release } from 'drivers/sw_sync';

const now = () => `t=${ktime_to_us(ktime_get_ns())}us`;
const status = (r: number) => (r < 0 ? errname(r) : r === 1 ? 'signaled' : 'pending');

// A fence of our own driver: one context for our ring, seqnos in submission order.
const ring_fence_ops: dma_fence_ops = {
  get_driver_name: () => 'my_driver',
  get_timeline_name: () => 'ring0',
};
const ring_lock = new spinlock_t();
const ring_context = dma_fence_context_alloc(1);

/** A callback node that carries its own data, as C embeds struct dma_fence_cb. */
class job_done_cb extends dma_fence_cb {
  constructor(readonly job: string) {
    super();
  }
}

const f1 = new dma_fence();
dma_fence_init(f1, ring_fence_ops, ring_lock, ring_context, 1);
const cb = new job_done_cb('blit');
let ret = dma_fence_add_callback(f1, cb, (fence, c) => {
  console.log(`  callback: ${(c as job_done_cb).job} done, fence seqno ${fence.seqno}`);
});
console.log(`add_callback on a pending fence: ${ret}`);
console.log('dma_fence_signal(f1):');
dma_fence_signal(f1);
console.log(`f1 status: ${status(dma_fence_get_status(f1))}`);

// A callback can be removed while the fence is pending; then it never runs.
const f2 = new dma_fence();
dma_fence_init(f2, ring_fence_ops, ring_lock, ring_context, 2);
const cb2 = new dma_fence_cb();
dma_fence_add_callback(f2, cb2, () => console.log('  never printed'));
console.log(`remove_callback: ${dma_fence_remove_callback(f2, cb2)}`);

// Nobody signals f2: the wait gives up after 20 ms of virtual time and returns 0.
ret = dma_fence_wait_timeout(f2, true, msecs_to_jiffies(20));
console.log(`${now()}: wait_timeout(f2, 20 ms) = ${ret}`);
dma_fence_signal(f2);

// A device job completes 10 ms after it was queued; the wait returns the jiffies left
// (a jiffy is 4 ms at CONFIG_HZ=250).
const gpu = new sim_device('gpu0');
const job = sim_device_queue_job(gpu, { duration_us: 10000 });
ret = dma_fence_wait_timeout(job, true, msecs_to_jiffies(100));
console.log(`${now()}: wait_timeout(job, 100 ms) = ${ret} jiffies left (${jiffies_to_msecs(ret)} ms)`);

// A job that fails: the error travels with the fence.
const bad = sim_device_queue_job(gpu, { duration_us: 500, error: -EIO });
dma_fence_wait_timeout(bad, false, msecs_to_jiffies(10));
console.log(`${now()}: failed job status: ${status(dma_fence_get_status(bad))}`);

// A sw_sync timeline: points signal as the timeline advances.
const tl = sync_timeline_create('demo_timeline');
const p1 = sync_pt_create(tl, 1);
const p3 = sync_pt_create(tl, 3);
sync_timeline_signal(tl, 2);
console.log(`timeline at 2: point 1 ${status(dma_fence_get_status(p1))}, point 3 ${status(dma_fence_get_status(p3))}`);
sw_sync_release(tl); // closing the timeline signals what is left, with -ENOENT
console.log(`timeline closed: point 3 ${status(dma_fence_get_status(p3))}, signaled: ${dma_fence_is_signaled(p3)}`);

for (const f of [f1, f2, job, bad, p1, p3]) dma_fence_put(f);
