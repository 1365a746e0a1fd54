/**
 * A driver's own reservation object: ww locking, fence slots, iterators
 *
 * GEM and TTM objects embed a struct dma_resv. A submission locks all its objects in one
 * ww_acquire_ctx; when it runs into a lock held by an older context it gets -EDEADLK, drops
 * everything and sleeps on the contended lock with dma_resv_lock_slow*() before taking the rest
 * (wait-die), while a shrinker only ever trylocks. Under the locks a job reserves slots and adds
 * its fences; a page-table update replaces a preemption fence. Without the lock, readers take
 * snapshots and restart when the fence table is replaced under them; a copy keeps a ghost object
 * busy; a deadline reaches the driver; a debugfs dump describes what is left.
 */
import {
  dma_resv, dma_resv_init, dma_resv_fini, dma_resv_lock, dma_resv_lock_interruptible, dma_resv_lock_slow,
  dma_resv_lock_slow_interruptible, dma_resv_trylock, dma_resv_unlock, dma_resv_is_locked, dma_resv_locking_ctx,
  reservation_ww_class, ww_acquire_ctx, ww_acquire_init, ww_acquire_done, ww_acquire_fini,
  dma_resv_reserve_fences, dma_resv_add_fence, dma_resv_replace_fences, dma_resv_reset_max_fences,
  dma_resv_iter, dma_resv_iter_begin, dma_resv_iter_first, dma_resv_iter_next, dma_resv_iter_end,
  dma_resv_iter_first_unlocked, dma_resv_iter_next_unlocked, dma_resv_iter_is_restarted, dma_resv_iter_usage,
  dma_resv_for_each_fence, dma_resv_for_each_fence_unlocked, dma_resv_get_fences, dma_resv_get_singleton,
  dma_resv_copy_fences, dma_resv_set_deadline, dma_resv_describe, dma_resv_usage,
  DMA_RESV_USAGE_WRITE, DMA_RESV_USAGE_READ, DMA_RESV_USAGE_BOOKKEEP,
} from 'linux/dma-resv';
import {
  dma_fence, dma_fence_init, dma_fence_context_alloc, dma_fence_signal, dma_fence_put,
  spinlock_t, type dma_fence_ops,
} from 'linux/dma-fence';
import { to_dma_fence_array } from 'linux/dma-fence-array';
import { EDEADLK } from 'linux/errno';
import { ktime_get_ns } from 'linux/jiffies';

// Our rings' fences. set_deadline is where a driver would raise its clocks.
const ring_ops: dma_fence_ops = {
  get_driver_name: () => 'my_driver',
  get_timeline_name: (f) => (f as ring_fence).ring.name,
  set_deadline: (f, deadline) => console.log(`  ${(f as ring_fence).ring.name} seq ${f.seqno}: deadline in ${(deadline - ktime_get_ns()) / 1e6} ms, boosting clocks`),
};

/** One hardware ring: a fence context, seqnos in submission order. */
interface my_ring {
  name: string;
  context: number;
  seqno: number;
  lock: spinlock_t;
}

class ring_fence extends dma_fence {
  constructor(readonly ring: my_ring) {
    super();
  }
}

const emitted: dma_fence[] = [];
function ring_create(name: string): my_ring {
  return { name, context: dma_fence_context_alloc(1), seqno: 0, lock: new spinlock_t() };
}
function ring_emit(ring: my_ring): dma_fence {
  const f = new ring_fence(ring);
  dma_fence_init(f, ring_ops, ring.lock, ring.context, ++ring.seqno);
  emitted.push(f);
  return f;
}
const gfx = ring_create('gfx0');
const copy = ring_create('copy0');
const sdma = ring_create('sdma0'); // page-table updates

/** A buffer object with its own reservation object (a GEM object's `_resv`). */
interface my_bo {
  name: string;
  resv: dma_resv;
}

function my_bo_create(name: string): my_bo {
  const bo: my_bo = { name, resv: new dma_resv() };
  dma_resv_init(bo.resv);
  return bo;
}

/** One thread's locking transaction over several objects, as drm_exec does it. */
class my_exec {
  readonly ctx = new ww_acquire_ctx();
  readonly locked: my_bo[] = [];
  contended: my_bo | null = null;
  constructor(readonly who: string, readonly intr: boolean) {
    ww_acquire_init(this.ctx, reservation_ww_class);
  }
}

function my_exec_unlock(exec: my_exec): void {
  while (exec.locked.length) dma_resv_unlock(exec.locked.pop()!.resv);
}

/**
 * Lock all of `bos`. Returns 0, or -EDEADLK after backing off: call again once the holder is
 * done, and the contended lock is taken first (sleeping, never dying), then the others.
 */
function my_exec_lock(exec: my_exec, bos: my_bo[]): number {
  if (exec.contended) {
    const bo = exec.contended;
    exec.contended = null;
    if (exec.intr) {
      const ret = dma_resv_lock_slow_interruptible(bo.resv, exec.ctx);
      if (ret) return ret;
    } else {
      dma_resv_lock_slow(bo.resv, exec.ctx);
    }
    exec.locked.push(bo);
  }
  for (const bo of bos) {
    if (exec.locked.includes(bo)) continue;
    const ret = exec.intr ? dma_resv_lock_interruptible(bo.resv, exec.ctx) : dma_resv_lock(bo.resv, exec.ctx);
    if (ret === -EDEADLK) {
      console.log(`${exec.who}: ${bo.name} is held by an older context: -EDEADLK, backing off`);
      my_exec_unlock(exec);
      exec.contended = bo;
      return ret;
    }
    if (ret) {
      my_exec_unlock(exec);
      return ret;
    }
    exec.locked.push(bo);
  }
  ww_acquire_done(exec.ctx);
  console.log(`${exec.who}: locked ${exec.locked.map((bo) => bo.name).join(', ')}`);
  return 0;
}

function my_exec_fini(exec: my_exec): void {
  my_exec_unlock(exec);
  ww_acquire_fini(exec.ctx);
}

const vertex = my_bo_create('vertex');
const fb = my_bo_create('framebuffer');
const scratch = my_bo_create('scratch');

// Two threads collide. The page flip started first, so its context is the older one.
const flip = new my_exec('flip', false);
my_exec_lock(flip, [fb]);
const submit = new my_exec('submit', true); // an ioctl: its waits may be interrupted
my_exec_lock(submit, [vertex, fb]);
console.log(`framebuffer held under the flip's context: ${dma_resv_locking_ctx(fb.resv) === flip.ctx}, vertex locked: ${dma_resv_is_locked(vertex.resv)}`);
my_exec_fini(flip); // the flip is done; the submit thread wakes up in the slow path
my_exec_lock(submit, [vertex, fb]);

// An eviction worker (not interruptible) starts now, younger than the submit, and dies in turn.
const evict = new my_exec('evict', false);
my_exec_lock(evict, [scratch, vertex]);

// A shrinker must not sleep on a reservation lock: it skips the busy objects.
const busy = [vertex, fb, scratch].filter((bo) => {
  if (!dma_resv_trylock(bo.resv)) return true;
  dma_resv_unlock(bo.resv);
  return false;
});
console.log(`shrinker: busy ${busy.map((bo) => bo.name).join(', ')}`);

// The job reads vertex and writes the framebuffer. A preemption fence of our VM (its own
// context, BOOKKEEP: nobody syncs to it implicitly) is on vertex too. Reserve, then add.
const job = ring_emit(gfx);
const vm_context = dma_fence_context_alloc(1);
const preempt = new dma_fence();
dma_fence_init(preempt, { get_driver_name: () => 'my_driver', get_timeline_name: () => 'vm_preempt' }, gfx.lock, vm_context, 1);
dma_resv_reserve_fences(vertex.resv, 3);
dma_resv_add_fence(vertex.resv, job, DMA_RESV_USAGE_READ);
dma_resv_add_fence(vertex.resv, preempt, DMA_RESV_USAGE_BOOKKEEP);
dma_resv_reserve_fences(fb.resv, 1);
dma_resv_add_fence(fb.resv, job, DMA_RESV_USAGE_WRITE);
const slots = vertex.resv.fences!;
console.log(`vertex: ${slots.num_fences} fences, ${slots.max_fences} slots`);
dma_resv_reset_max_fences(vertex.resv); // drop the spare slot now: a later add must reserve its own
console.log(`after dma_resv_reset_max_fences: ${slots.max_fences} slots`);

// The VM unmaps vertex: the page-table update's fence takes the preemption fence's place.
const pt_update = ring_emit(sdma);
dma_resv_replace_fences(vertex.resv, vm_context, pt_update, DMA_RESV_USAGE_BOOKKEEP);

// Locked walk, written out as dma_resv_for_each_fence() expands.
const cursor = new dma_resv_iter();
dma_resv_iter_begin(cursor, vertex.resv, DMA_RESV_USAGE_BOOKKEEP);
for (let f = dma_resv_iter_first(cursor); f; f = dma_resv_iter_next(cursor))
  console.log(`  vertex: ${f.ops.get_timeline_name(f)} seq ${f.seqno} as ${dma_resv_usage[dma_resv_iter_usage(cursor)]}`);
my_exec_fini(submit);

// The evict thread gets vertex now, and the scratch object again.
my_exec_lock(evict, [scratch, vertex]);
my_exec_fini(evict);

// Unlocked walks take a reference to each fence and skip signaled ones. Here another thread
// (a copy into vertex) adds a fence in the middle of a walk: the table is replaced, the walk starts over, and
// dma_resv_iter_is_restarted() tells the reader to drop what it collected so far.
let collected: dma_fence[] = [];
let copy_queued = false;
dma_resv_iter_begin(cursor, vertex.resv, DMA_RESV_USAGE_BOOKKEEP);
for (const f of dma_resv_for_each_fence_unlocked(cursor)) {
  if (dma_resv_iter_is_restarted(cursor)) {
    if (collected.length) console.log(`  restarted: dropping ${collected.length} collected fence(s)`);
    collected = [];
  }
  collected.push(f);
  if (f === job && !copy_queued) {
    copy_queued = true;
    dma_resv_lock(vertex.resv, null);
    if (dma_resv_reserve_fences(vertex.resv, 1) === 0) dma_resv_add_fence(vertex.resv, ring_emit(copy), DMA_RESV_USAGE_WRITE);
    dma_resv_unlock(vertex.resv);
  }
}
dma_resv_iter_end(cursor);
console.log(`unlocked walk of vertex: ${collected.map((f) => `${f.ops.get_timeline_name(f)} seq ${f.seqno}`).join(', ')}`);

// The same walk written out: the last writer of the framebuffer.
let last_writer = '';
dma_resv_iter_begin(cursor, fb.resv, DMA_RESV_USAGE_WRITE);
for (let f = dma_resv_iter_first_unlocked(cursor); f; f = dma_resv_iter_next_unlocked(cursor))
  last_writer = `${f.ops.get_timeline_name(f)} seq ${f.seqno}`;
dma_resv_iter_end(cursor);
console.log(`framebuffer: last writer ${last_writer}`);

// Snapshots with references: all readers' fences, and one fence standing for them.
const count = { value: 0 };
const fences: { value: dma_fence[] | null } = { value: null };
dma_resv_get_fences(vertex.resv, DMA_RESV_USAGE_READ, count, fences);
console.log(`get_fences(READ): ${count.value} fences`);
const single: { value: dma_fence | null } = { value: null };
dma_resv_get_singleton(vertex.resv, DMA_RESV_USAGE_READ, single);
console.log(`get_singleton(READ): an array of ${to_dma_fence_array(single.value)?.num_fences} fences`);

// A pipelined move hands the old pages to a ghost object that must stay busy as long.
const ghost = my_bo_create('ghost');
dma_resv_lock(ghost.resv, null);
dma_resv_copy_fences(ghost.resv, vertex.resv);
const copied = [...dma_resv_for_each_fence(new dma_resv_iter(), ghost.resv, DMA_RESV_USAGE_BOOKKEEP)].length;
dma_resv_unlock(ghost.resv);
console.log(`ghost object: ${copied} fences copied`);

// The display needs the framebuffer by the next vblank.
dma_resv_set_deadline(fb.resv, DMA_RESV_USAGE_WRITE, ktime_get_ns() + 16_000_000);

// debugfs: READ and lower, one line per fence.
const seq: string[] = [];
dma_resv_lock(vertex.resv, null);
dma_resv_describe(vertex.resv, seq);
dma_resv_unlock(vertex.resv);
console.log('debugfs:');
for (const line of seq) console.log(line);

// The rings retire everything; the VM goes away. dma_resv_fini() drops the fences left.
for (const f of emitted) dma_fence_signal(f);
dma_fence_signal(preempt);
for (const f of fences.value!) dma_fence_put(f);
dma_fence_put(single.value);
for (const f of [...emitted, preempt]) dma_fence_put(f);
for (const bo of [vertex, fb, scratch, ghost]) dma_resv_fini(bo.resv);
