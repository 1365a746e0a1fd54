/**
 * The fence API of a producer and its waiters
 *
 * A GPU driver's fences: `signaled` compares the seqno with the last one the hardware completed
 * (__dma_fence_is_later), `enable_signaling` turns on the completion interrupt, `wait` wakes the
 * engine before the default wait, `release` frees the job and then the fence. The interrupt
 * handler signals under the fence lock inside a signalling section; a retire worker signals
 * with the time the hardware recorded; a reset marks a hung job with an error. Waiters hold
 * references, compare seqnos, wait for any of several fences on the virtual clock, pass
 * deadlines and read status and timestamps. The stub fences stand for work already done.
 */
import {
  dma_fence, dma_fence_init, dma_fence_context_alloc, dma_fence_get, dma_fence_get_rcu, dma_fence_get_rcu_safe,
  dma_fence_put, dma_fence_free, dma_fence_enable_sw_signaling, dma_fence_signal_locked,
  dma_fence_signal_timestamp_locked, dma_fence_signal_timestamp, dma_fence_begin_signalling, dma_fence_end_signalling,
  dma_fence_default_wait, dma_fence_wait_timeout, dma_fence_wait_any_timeout, dma_fence_set_deadline,
  dma_fence_describe, __dma_fence_is_later, dma_fence_is_later, dma_fence_is_later_or_same, dma_fence_later,
  dma_fence_is_signaled, dma_fence_is_signaled_locked, dma_fence_get_status, dma_fence_get_status_locked,
  dma_fence_set_error, dma_fence_timestamp, dma_fence_get_stub, dma_fence_allocate_private_stub,
  spinlock_t, spin_lock, spin_unlock, type dma_fence_ops,
} from 'linux/dma-fence';
import { msecs_to_jiffies, ktime_get_ns, ktime_to_us, msleep } from 'linux/jiffies';
import { ETIME, errname } from 'linux/errno';
import { sim_device, sim_device_queue_job } from 'drivers/sim-device';

const now = () => `t=${ktime_to_us(ktime_get_ns())}us`;
const us = (ns: number) => `${ktime_to_us(ns)}us`;

/** Our ring: the engine (a simulated device) and what the driver tracks of it. */
interface my_ring {
  name: string;
  engine: sim_device;
  context: number;
  lock: spinlock_t;
  seqno: number;
  /** Last seqno the hardware completed, and when (its completion record). */
  hw_seqno: number;
  hw_timestamp: number[];
  irq_enabled: boolean;
  /** Emitted, not yet signaled; the ring holds a reference to each. */
  pending: my_fence[];
  /** The latest fence (`struct dma_fence __rcu *last_fence`). */
  last_fence: dma_fence | null;
}

/** Our fence embeds struct dma_fence, as C does. */
class my_fence extends dma_fence {
  constructor(readonly ring: my_ring, readonly job: string) {
    super();
  }
}

const my_fence_ops: dma_fence_ops = {
  get_driver_name: () => 'my_driver',
  get_timeline_name: (f) => (f as my_fence).ring.name,
  signaled: (f) => !__dma_fence_is_later(f.seqno, (f as my_fence).ring.hw_seqno, f.ops),
  enable_signaling(f) {
    const ring = (f as my_fence).ring;
    if (!ring.irq_enabled) console.log(`  enable_signaling(seq ${f.seqno}): completion interrupt on`);
    ring.irq_enabled = true;
    return true;
  },
  wait(f, intr, timeout) {
    console.log(`  wait(seq ${f.seqno}): waking the engine first`);
    return dma_fence_default_wait(f, intr, timeout);
  },
  set_deadline: (f, deadline) => console.log(`  set_deadline(seq ${f.seqno}): due in ${us(deadline - ktime_get_ns())}, raising clocks`),
  release(f) {
    console.log(`  release(seq ${f.seqno}): freeing job ${(f as my_fence).job}`);
    dma_fence_free(f);
  },
};

/** The completion interrupt: signal what the hardware finished, under the fence lock. */
function ring_irq(ring: my_ring): void {
  const cookie = dma_fence_begin_signalling(); // no fence waits from here on
  spin_lock(ring.lock);
  const done = ring.pending.filter((f) => !__dma_fence_is_later(f.seqno, ring.hw_seqno, f.ops));
  ring.pending = ring.pending.filter((f) => !done.includes(f));
  for (const f of done) dma_fence_signal_timestamp_locked(f, ring.hw_timestamp[f.seqno]!);
  spin_unlock(ring.lock);
  for (const f of done) dma_fence_put(f);
  dma_fence_end_signalling(cookie);
}

/** What the engine does at the end of each job: write the completion record, raise the interrupt. */
function ring_hw_complete(ring: my_ring, seqno: number): void {
  ring.hw_seqno = seqno;
  ring.hw_timestamp[seqno] = ktime_get_ns();
  if (ring.irq_enabled) ring_irq(ring);
}

function ring_submit(ring: my_ring, job: string, duration_us: number): my_fence {
  const f = new my_fence(ring, job);
  dma_fence_init(f, my_fence_ops, ring.lock, ring.context, ++ring.seqno);
  ring.pending.push(dma_fence_get(f) as my_fence);
  dma_fence_put(ring.last_fence);
  ring.last_fence = dma_fence_get(f);
  const seqno = f.seqno;
  dma_fence_put(sim_device_queue_job(ring.engine, { duration_us, run: () => ring_hw_complete(ring, seqno) }));
  return f;
}

/** Retire worker: signal what completed with the interrupt off, at the hardware's timestamps. */
function ring_retire(ring: my_ring): void {
  for (const f of ring.pending.splice(0)) {
    if (__dma_fence_is_later(f.seqno, ring.hw_seqno, f.ops)) {
      ring.pending.push(f);
      continue;
    }
    dma_fence_signal_timestamp(f, ring.hw_timestamp[f.seqno]!);
    dma_fence_put(f);
  }
}

/** GPU reset: every job still pending fails with `error`, signaled under the lock. */
function ring_reset(ring: my_ring, error: number): void {
  const cookie = dma_fence_begin_signalling();
  spin_lock(ring.lock);
  for (const f of ring.pending) {
    if (dma_fence_is_signaled_locked(f)) continue;
    dma_fence_set_error(f, error);
    dma_fence_signal_locked(f);
    console.log(`  reset: seq ${f.seqno} status ${errname(dma_fence_get_status_locked(f))}`);
  }
  const done = ring.pending.splice(0);
  spin_unlock(ring.lock);
  for (const f of done) dma_fence_put(f);
  dma_fence_end_signalling(cookie);
}

const ring: my_ring = {
  name: 'gfx0', engine: new sim_device('gpu0'), context: dma_fence_context_alloc(1), lock: new spinlock_t(),
  seqno: 0, hw_seqno: 0, hw_timestamp: [], irq_enabled: false, pending: [], last_fence: null,
};

// Nothing submitted yet: a dependency on "the ring's last job" is the always-signaled stub.
const idle = dma_fence_get_stub();
console.log(`stub: context ${idle.context}, signaled ${dma_fence_is_signaled(idle)}`);
dma_fence_put(idle);

const blit = ring_submit(ring, 'blit', 2000);
const draw = ring_submit(ring, 'draw', 3000);
console.log(`is_later(draw, blit): ${dma_fence_is_later(draw, blit)}, is_later(blit, draw): ${dma_fence_is_later(blit, draw)}`);
console.log(`is_later_or_same(draw, draw): ${dma_fence_is_later_or_same(draw, draw)}, later(blit, draw): seq ${dma_fence_later(blit, draw)?.seqno}`);

// References: a plain get for a scheduler dependency; get_rcu for a pointer read without one
// (the ring's pending list, under rcu_read_lock); get_rcu_safe for an __rcu pointer that may change.
const dep = dma_fence_get(blit);
const peek = dma_fence_get_rcu(ring.pending[0]!);
const last = dma_fence_get_rcu_safe(ring, 'last_fence');
console.log(`blit refs: ${blit.refcount} (ours, the ring's, dep, peek); ring's last fence is draw: ${last === draw}`);
dma_fence_put(peek);

const line: string[] = [];
dma_fence_describe(draw, line);
console.log(`describe: ${line[0]}`);

// The display needs the draw within 8 ms; a waiter wants whichever job finishes first.
dma_fence_set_deadline(draw, ktime_get_ns() + 8_000_000);
const idx = { value: -1 };
let ret = dma_fence_wait_any_timeout([blit, draw], 2, true, msecs_to_jiffies(20), idx);
console.log(`${now()}: wait_any = ${ret} jiffies left, first done: index ${idx.value} (seq ${[blit, draw][idx.value]!.seqno})`);
ret = dma_fence_wait_timeout(draw, true, msecs_to_jiffies(20));
console.log(`${now()}: draw signaled (wait = ${ret}), timestamp ${us(dma_fence_timestamp(draw))}`);
dma_fence_put(dep);
dma_fence_put(last);

// Nobody waits for the copies, so the interrupt is off. dma_fence_get_status() polls signaled()
// and signals the first copy at the time it asked; the retire worker signals the second one with
// the time the engine recorded, not the time it noticed.
ring.irq_enabled = false;
const copy = ring_submit(ring, 'copy', 1000);
msleep(4);
console.log(`${now()}: copy done by the hardware: ${dma_fence_get_status(copy) === 1}`);
const copy2 = ring_submit(ring, 'copy2', 1000);
msleep(2);
ring_retire(ring);
console.log(`${now()}: copy2 retired, timestamp ${us(dma_fence_timestamp(copy2))}`);

// A job that hangs: the wait times out, the reset handler fails it with -ETIME.
const hang = ring_submit(ring, 'hang', 1_000_000);
dma_fence_enable_sw_signaling(hang); // as a scheduler's timeout handler arms it
ret = dma_fence_wait_timeout(hang, true, msecs_to_jiffies(20));
console.log(`${now()}: wait for the hung job = ${ret}`);
ring_reset(ring, -ETIME);
console.log(`hung job status: ${errname(dma_fence_get_status(hang))}`);

// A timeline point created already signaled at a given time (drm_syncobj does this).
const point = dma_fence_allocate_private_stub(ktime_get_ns());
console.log(`private stub: signaled ${dma_fence_is_signaled(point)}, timestamp ${us(dma_fence_timestamp(point))}`);

// The last put of each fence goes through dma_fence_release(), which calls our release().
for (const f of [point, blit, draw, copy, copy2, hang]) dma_fence_put(f);
dma_fence_put(ring.last_fence);
