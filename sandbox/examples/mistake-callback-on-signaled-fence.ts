/**
 * Mistake: adding a callback to a fence that has already signaled
 *
 * dma_fence_add_callback() returns -ENOENT when the fence has signaled already, and then never
 * calls the callback: the caller has to do the work itself. Code that ignores the return value
 * waits for something that will never happen. Here a dependent fence was to be signaled from
 * the callback; waiting for it without a timeout blocks forever, and the hung-task detector
 * reports the blocked task in the kernel log. The run ends with an oops.
 */
import {
  dma_fence, dma_fence_cb, dma_fence_init, dma_fence_context_alloc, dma_fence_signal, dma_fence_add_callback,
  dma_fence_wait, spinlock_t, type dma_fence_ops,
} from 'linux/dma-fence';
import { errname } from 'linux/errno';

const ops: dma_fence_ops = { get_driver_name: () => 'my_driver', get_timeline_name: () => 'ring0' };
const lock = new spinlock_t();
const ctx = dma_fence_context_alloc(2);

const upstream = new dma_fence();
dma_fence_init(upstream, ops, lock, ctx, 1);
const dependent = new dma_fence();
dma_fence_init(dependent, ops, lock, ctx + 1, 1);

dma_fence_signal(upstream); // the upstream job finished early

// Wrong: the return value is ignored. The right code runs the callback's work itself:
//   if (ret === -ENOENT) dma_fence_signal(dependent);
const ret = dma_fence_add_callback(upstream, new dma_fence_cb(), () => dma_fence_signal(dependent));
console.log(`dma_fence_add_callback: ${errname(ret) ?? ret}`);

dma_fence_wait(dependent, false); // nobody will ever signal it
console.log('never printed: the oops ends the run');
