/**
 * Waiting for fences (`drivers/dma-buf/dma-fence.c`, v6.12): the default wait,
 * dma_fence_wait_timeout(), dma_fence_wait() and dma_fence_wait_any_timeout(),
 * and the lockdep-style annotations that a signalling critical section
 * (dma_fence_begin_signalling/end_signalling) must not wait for a fence
 * (__dma_fence_might_wait).
 * @module
 */
import { K } from '../kernel/current.js';
import { EINVAL, ERESTARTSYS } from '../kernel/errno.js';
import { WARN_ON } from '../kernel/bug.js';
import { kasan_check } from '../kernel/kasan.js';
import { might_sleep } from '../kernel/lockdep.js';
import { MAX_SCHEDULE_TIMEOUT } from '../kernel/clock.js';
import { dma_fence_cb, type dma_fence, type dma_fence_func_t } from './dma-fence-types.js';
import { dma_fence_enable_sw_signaling, dma_fence_add_callback, dma_fence_remove_callback, dma_fence_is_signaled } from './dma-fence-signal.js';

const F = 'drivers/dma-buf/dma-fence.c';

/**
 * Start a critical section that must not wait for fences (annotation only).
 * Returns a cookie for dma_fence_end_signalling(). Nested and atomic sections return true.
 * Mirrors `drivers/dma-buf/dma-fence.c: dma_fence_begin_signalling, v6.12`.
 */
export function dma_fence_begin_signalling(): boolean {
  const cur = K().sched.current;
  if (cur.fence_signalling > 0 || cur.preempt_count > 0) return true;
  cur.fence_signalling++;
  return false;
}

/** End a section started by dma_fence_begin_signalling(). Mirrors `drivers/dma-buf/dma-fence.c: dma_fence_end_signalling, v6.12`. */
export function dma_fence_end_signalling(cookie: boolean): void {
  if (cookie) return;
  K().sched.current.fence_signalling--;
}

/**
 * Annotate a possible wait: inside a signalling critical section this is the
 * lockdep "dma_fence_map" inversion; reported, continues.
 * Mirrors `drivers/dma-buf/dma-fence.c: __dma_fence_might_wait, v6.12`.
 */
export function __dma_fence_might_wait(func = 'dma_fence_wait_timeout'): void {
  const k = K();
  if (k.sched.current.fence_signalling > 0) {
    k.printk(
      4,
      [
        '======================================================',
        'WARNING: possible circular locking dependency detected',
        `${k.sched.current.comm}/${k.sched.current.pid} is trying to acquire lock: (dma_fence_map), at: ${func}`,
        'rule: code inside dma_fence_begin_signalling()/dma_fence_end_signalling() must not wait for a fence',
      ].join('\n'),
    );
  }
}

/**
 * The default wait: sleep until signaled, interrupted or timed out.
 * Returns remaining jiffies (> 0; `timeout` or 1 for timeout 0 when already
 * signaled), 0 on timeout, -ERESTARTSYS when interrupted (intr and a pending signal).
 * Waiting runs other tasks and timers on the virtual clock; an endless wait with
 * nothing left to run is a hang (oops).
 * Mirrors `drivers/dma-buf/dma-fence.c: dma_fence_default_wait, v6.12`.
 */
export function dma_fence_default_wait(fence: dma_fence, intr: boolean, timeout: number): number {
  const sched = K().sched;
  if (fence.flags & 1) return timeout ? timeout : 1;
  if (intr && sched.current.sigpending) return -ERESTARTSYS;
  if (!timeout) return 0;
  const r = sched.wait_until(() => (fence.flags & 1) !== 0, timeout, intr, `dma_fence_default_wait(${fence.ops.get_driver_name(fence)}:${fence.ops.get_timeline_name(fence)} seq ${fence.seqno})`);
  return r;
}

/**
 * Wait for a fence with a timeout (jiffies). Enables software signalling first,
 * then uses ops.wait or the default wait. Returns remaining jiffies (> 0), 0 on
 * timeout, -ERESTARTSYS when interrupted; WARN and -EINVAL for a negative
 * timeout. May sleep: reported from atomic context (e.g. a fence callback).
 * Mirrors `drivers/dma-buf/dma-fence.c: dma_fence_wait_timeout, v6.12`.
 */
export function dma_fence_wait_timeout(fence: dma_fence, intr: boolean, timeout: number): number {
  if (WARN_ON(timeout < 0, [F, 505, 'dma_fence_wait_timeout'])) return -EINVAL;
  if (fence.__kfreed) kasan_check(fence, 'dma_fence_wait_timeout');
  might_sleep([F, 508, 'dma_fence_wait_timeout']);
  __dma_fence_might_wait();
  dma_fence_enable_sw_signaling(fence);
  let ret: number;
  if (fence.ops.wait) {
    K().trace.emit('callback', 'dma_fence_ops.wait', 'dma_fence', fence.__id);
    ret = fence.ops.wait(fence, intr, timeout);
  } else ret = dma_fence_default_wait(fence, intr, timeout);
  K().trace.emit('call', 'dma_fence_wait_timeout', 'dma_fence', fence.__id, ret);
  return ret;
}

/**
 * Wait without a timeout: 0 once signaled, -ERESTARTSYS if interrupted.
 * Mirrors `include/linux/dma-fence.h: dma_fence_wait, v6.12`.
 */
export function dma_fence_wait(fence: dma_fence, intr: boolean): number {
  const ret = dma_fence_wait_timeout(fence, intr, MAX_SCHEDULE_TIMEOUT);
  return ret < 0 ? ret : 0;
}

/**
 * Wait until any of `fences` signals. `idx.value` (if given) receives the index of
 * a signaled fence. Returns remaining jiffies, 0 on timeout (timeout 0: 1 if any
 * is signaled, else 0), -ERESTARTSYS when interrupted; WARN and -EINVAL for a
 * missing array, count 0 or a negative timeout.
 * Mirrors `drivers/dma-buf/dma-fence.c: dma_fence_wait_any_timeout, v6.12`.
 */
export function dma_fence_wait_any_timeout(
  fences: dma_fence[] | null,
  count: number,
  intr: boolean,
  timeout: number,
  idx?: { value: number } | null,
): number {
  if (WARN_ON(!fences || !count || timeout < 0, [F, 855, 'dma_fence_wait_any_timeout'])) return -EINVAL;
  const fs = fences!;
  if (timeout === 0) {
    for (let i = 0; i < count; i++)
      if (dma_fence_is_signaled(fs[i]!)) {
        if (idx) idx.value = i;
        return 1;
      }
    return 0;
  }
  might_sleep([F, 855, 'dma_fence_wait_any_timeout']);
  const cbs: dma_fence_cb[] = [];
  let ret = timeout;
  let i = 0;
  const noop: dma_fence_func_t = () => {};
  let early = false;
  for (; i < count; i++) {
    const cb = new dma_fence_cb();
    cbs.push(cb);
    if (dma_fence_add_callback(fs[i]!, cb, noop)) {
      if (idx) idx.value = i;
      early = true;
      break;
    }
  }
  if (!early) {
    const anySignaled = (): boolean => {
      for (let j = 0; j < count; j++)
        if (fs[j]!.flags & 1) {
          if (idx) idx.value = j;
          return true;
        }
      return false;
    };
    ret = K().sched.wait_until(anySignaled, timeout, intr, 'dma_fence_wait_any_timeout');
    if (ret > 0) anySignaled();
    i = count;
  }
  while (i-- > 0) dma_fence_remove_callback(fs[i]!, cbs[i]!);
  return ret;
}
