/**
 * Fence containers: arrays, chains, unwrap and sync_file
 *
 * A dma_fence_array stands for several fences at once: it signals when all of them have (or,
 * with signal_on_any, the first). A dma_fence_chain is a timeline, one node per point, as a
 * timeline syncobj keeps it: a node signals when its fence and every earlier one have, and
 * walking the chain drops the points that are done. dma_fence_unwrap_for_each() sees the plain
 * fences inside both, dma_fence_unwrap_merge() flattens several into one array keeping the latest
 * fence per context, and a sync_file carries the result to user space as an fd and back.
 */
import {
  dma_fence_context_alloc, dma_fence_get, dma_fence_put, dma_fence_wait_timeout, dma_fence_is_signaled,
  dma_fence_is_array, dma_fence_is_chain, dma_fence_is_container, type dma_fence,
} from 'linux/dma-fence';
import {
  dma_fence_array_alloc, dma_fence_array_init, dma_fence_array_create, dma_fence_array_for_each, dma_fence_match_context,
  to_dma_fence_array,
} from 'linux/dma-fence-array';
import {
  dma_fence_chain_alloc, dma_fence_chain_init, dma_fence_chain_free, dma_fence_chain_walk, dma_fence_chain_find_seqno,
  dma_fence_chain_for_each, dma_fence_chain_contained, to_dma_fence_chain,
} from 'linux/dma-fence-chain';
import { dma_fence_unwrap, dma_fence_unwrap_for_each, dma_fence_unwrap_merge } from 'linux/dma-fence-unwrap';
import { sync_file_create, sync_file_get_fence } from 'linux/sync_file';
import { get_unused_fd_flags, fd_install, close_fd, O_CLOEXEC } from 'linux/file';
import { msecs_to_jiffies, ktime_get_ns, ktime_to_us } from 'linux/jiffies';
import { EINVAL } from 'linux/errno';
import { sim_device, sim_device_queue_job } from 'drivers/sim-device';

const now = () => `t=${ktime_to_us(ktime_get_ns())}us`;
const name = (f: dma_fence) => `${f.ops.get_timeline_name(f)} seq ${f.seqno}`;

/** What a fence is, looking inside containers. */
function kind(f: dma_fence): string {
  if (dma_fence_is_chain(f)) return `chain point ${f.seqno} carrying ${kind(to_dma_fence_chain(f)!.fence!)}`;
  const array = to_dma_fence_array(f);
  if (array) return `array of ${array.num_fences}`;
  return name(f);
}

const gfx = new sim_device('gfx0');
const comp = new sim_device('comp0');
const vcn = new sim_device('vcn0');
const wait = (f: dma_fence) => dma_fence_wait_timeout(f, true, msecs_to_jiffies(100));

// A job depends on three engines. The array is allocated first (that part can fail), then
// initialised; it takes over our references to the members.
const deps = [sim_device_queue_job(gfx, { duration_us: 3000 }), sim_device_queue_job(comp, { duration_us: 1000 }), sim_device_queue_job(vcn, { duration_us: 2000 })];
const all = dma_fence_array_alloc(deps.length);
dma_fence_array_init(all, deps.length, deps, dma_fence_context_alloc(1), 1, false);
console.log(`all: ${kind(all)}, is_array ${dma_fence_is_array(all)}, is_container ${dma_fence_is_container(all)}`);
for (const [f, i] of dma_fence_array_for_each(all)) console.log(`  [${i}] ${name(f)}`);
console.log(`all on gfx0's context: ${dma_fence_match_context(all, gfx.context)}`);

// The first of gfx0 and comp0 to finish.
const any = dma_fence_array_create(2, [dma_fence_get(deps[0]!), dma_fence_get(deps[1]!)], dma_fence_context_alloc(1), 1, true)!;
wait(any);
console.log(`${now()}: any signaled, all signaled: ${dma_fence_is_signaled(all)}`);
wait(all);
console.log(`${now()}: all signaled`);

// A timeline syncobj: its fence is the head of a chain; adding a point links a new node.
const syncobj = { fence: null as dma_fence | null };
function syncobj_add_point(fence: dma_fence, point: number): number {
  const chain = dma_fence_chain_alloc(); // before any lock, as drm_syncobj does
  if (syncobj.fence && point <= syncobj.fence.seqno) {
    dma_fence_chain_free(chain); // never initialised: freed, not put
    return -EINVAL;
  }
  dma_fence_chain_init(chain, syncobj.fence, dma_fence_get(fence), point); // takes over the old head
  syncobj.fence = chain;
  return 0;
}

const j1 = sim_device_queue_job(gfx, { duration_us: 1000 });
const j2 = dma_fence_array_create(2, [sim_device_queue_job(comp, { duration_us: 4000 }), sim_device_queue_job(vcn, { duration_us: 2000 })], dma_fence_context_alloc(1), 1, false)!;
const j3 = sim_device_queue_job(gfx, { duration_us: 5000 });
syncobj_add_point(j1, 1);
syncobj_add_point(j2, 2);
syncobj_add_point(j3, 3);
console.log(`add point 2 again: ${syncobj_add_point(j1, 2) === -EINVAL ? '-EINVAL' : 'added'}`);
const head = syncobj.fence!;
console.log(`timeline: ${kind(head)}, is_container ${dma_fence_is_container(head)}`);
console.log(`points: ${[...dma_fence_chain_for_each(head)].map((p) => p.seqno).join(', ')}`);

const plain: string[] = [];
for (const f of dma_fence_unwrap_for_each(new dma_fence_unwrap(), head)) plain.push(name(f));
console.log(`unwrapped: ${plain.join(', ')}`);

// Wait for point 1: find the node that stands for it.
const p1 = { value: dma_fence_get(head) as dma_fence | null };
dma_fence_chain_find_seqno(p1, 1);
wait(p1.value!);
console.log(`${now()}: point 1 done (${kind(p1.value!)})`);
dma_fence_put(p1.value);
console.log(`points left: ${[...dma_fence_chain_for_each(head)].map((p) => p.seqno).join(', ')}`);

// One step back from the head by hand: the walk skips what has signaled.
const prev = dma_fence_chain_walk(dma_fence_get(head))!;
console.log(`before point 3: point ${prev.seqno}, carrying ${kind(dma_fence_chain_contained(prev)!)}`);
dma_fence_put(prev);
const p1_again = { value: dma_fence_get(head) as dma_fence | null };
dma_fence_chain_find_seqno(p1_again, 1);
console.log(`find_seqno(1) now: ${p1_again.value ?? 'null (already signaled)'}`);

// Export everything still pending plus a new gfx0 job as one fence: only the latest fence of
// each context is kept, and the chain and the array are flattened.
const j4 = sim_device_queue_job(gfx, { duration_us: 1000 });
const merged = dma_fence_unwrap_merge(head, j4)!;
console.log(`merged: ${kind(merged)}: ${[...dma_fence_array_for_each(merged)].map(([f]) => name(f)).join(', ')}`);

// To user space as a sync_file fd, and back (what an ioctl taking an in-fence does).
const sync_file = sync_file_create(merged)!;
const fd = get_unused_fd_flags(O_CLOEXEC);
fd_install(fd, sync_file.file);
const in_fence = sync_file_get_fence(fd)!;
console.log(`sync_file fd ${fd} gives back the merged fence: ${in_fence === merged}`);
close_fd(fd);
wait(in_fence);
console.log(`${now()}: in-fence signaled, timeline head signaled: ${dma_fence_is_signaled(head)}`);

for (const f of [all, any, j1, j2, j3, j4, merged, in_fence, syncobj.fence]) dma_fence_put(f);
