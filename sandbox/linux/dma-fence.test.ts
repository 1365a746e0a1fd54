import { describe, it, expect, beforeEach } from 'vitest';
import { boot, type Kernel } from '../kernel/kernel.js';
import { isOops } from '../kernel/oops.js';
import {
  dma_fence, dma_fence_cb, dma_fence_init, dma_fence_context_alloc, dma_fence_signal, dma_fence_add_callback,
  dma_fence_remove_callback, dma_fence_put, dma_fence_get, dma_fence_get_status, dma_fence_set_error,
  dma_fence_is_signaled, dma_fence_wait_timeout, dma_fence_wait, dma_fence_is_later, dma_fence_get_stub,
  dma_fence_enable_sw_signaling, spinlock_t, type dma_fence_ops,
} from './dma-fence.js';
import { EINVAL, ENOENT, EIO, EDEADLK, ERESTARTSYS } from './errno.js';

const ops: dma_fence_ops = { get_driver_name: () => 'test', get_timeline_name: () => 'tl' };
let k: Kernel;
const lock = () => new spinlock_t('&fence->lock');
function mk(seqno = 1, ctx?: number): dma_fence {
  const f = new dma_fence();
  dma_fence_init(f, ops, lock(), ctx ?? dma_fence_context_alloc(1), seqno);
  return f;
}

beforeEach(() => {
  k = boot();
});

describe('dma_fence', () => {
  it('signals once: 0 then -EINVAL; callbacks run in order with the lock held', () => {
    const f = mk();
    const order: number[] = [];
    const a = new dma_fence_cb();
    const b = new dma_fence_cb();
    expect(dma_fence_add_callback(f, a, () => order.push(k.sched.current.preempt_count > 0 ? 1 : -1))).toBe(0);
    expect(dma_fence_add_callback(f, b, () => order.push(2))).toBe(0);
    expect(dma_fence_signal(f)).toBe(0);
    expect(order).toEqual([1, 2]);
    expect(dma_fence_signal(f)).toBe(-EINVAL);
    expect(dma_fence_signal(null)).toBe(-EINVAL);
    dma_fence_put(f);
  });

  it('add_callback on a signaled fence returns -ENOENT and never calls it', () => {
    const f = mk();
    dma_fence_signal(f);
    let called = false;
    expect(dma_fence_add_callback(f, new dma_fence_cb(), () => (called = true))).toBe(-ENOENT);
    expect(called).toBe(false);
  });

  it('remove_callback: true while queued, false after it ran', () => {
    const f = mk();
    const cb = new dma_fence_cb();
    dma_fence_add_callback(f, cb, () => {});
    expect(dma_fence_remove_callback(f, cb)).toBe(true);
    expect(dma_fence_remove_callback(f, cb)).toBe(false);
  });

  it('status 0 / 1 / error; set_error after signal WARNs', () => {
    const f = mk();
    expect(dma_fence_get_status(f)).toBe(0);
    dma_fence_set_error(f, -EIO);
    expect(dma_fence_get_status(f)).toBe(0);
    dma_fence_signal(f);
    expect(dma_fence_get_status(f)).toBe(-EIO);
    dma_fence_set_error(f, -EIO);
    expect(k.log.texts().some((l) => /WARNING: .* at include\/linux\/dma-fence.h:581 dma_fence_set_error\+/.test(l))).toBe(true);
    const g = mk();
    dma_fence_signal(g);
    expect(dma_fence_get_status(g)).toBe(1);
  });

  it('ops.signaled signals as a side effect of is_signaled', () => {
    let done = false;
    const f = new dma_fence();
    dma_fence_init(f, { ...ops, signaled: () => done }, lock(), 1, 1);
    expect(dma_fence_is_signaled(f)).toBe(false);
    done = true;
    expect(dma_fence_is_signaled(f)).toBe(true);
    expect(f.flags & 1).toBe(1);
  });

  it('wait on the virtual clock: timeout returns 0, timer signal returns remaining', () => {
    const f = mk();
    expect(dma_fence_wait_timeout(f, false, 0)).toBe(0);
    expect(dma_fence_wait_timeout(f, false, 2)).toBe(0);
    expect(k.clock.ns).toBe(8_000_000);
    k.sched.add_timer(4_000_000, () => dma_fence_signal(f));
    expect(dma_fence_wait_timeout(f, false, 10)).toBeGreaterThan(0);
    expect(dma_fence_wait_timeout(f, false, 0)).toBe(1);
    expect(dma_fence_wait_timeout(f, false, -1)).toBe(-EINVAL);
  });

  it('interruptible wait returns -ERESTARTSYS on a pending signal', () => {
    const f = mk();
    k.sched.current.sigpending = true;
    expect(dma_fence_wait(f, true)).toBe(-ERESTARTSYS);
  });

  it('an endless wait with nothing to run is a hang: oops', () => {
    const f = mk();
    const r = k.run(() => dma_fence_wait(f, false));
    expect(r.oops?.summary).toMatch(/blocked for more than 120 seconds/);
  });

  it('waiting inside a fence callback is reported and scheduling while atomic oopses', () => {
    const f = mk();
    const g = mk();
    dma_fence_add_callback(f, new dma_fence_cb(), () => {
      dma_fence_wait(g, false);
    });
    const r = k.run(() => dma_fence_signal(f));
    expect(k.log.texts().some((l) => l.startsWith('BUG: sleeping function called from invalid context at drivers/dma-buf/dma-fence.c:508'))).toBe(true);
    expect(r.oops?.summary).toMatch(/scheduling while atomic/);
  });

  it('release with pending callbacks WARNs and signals with -EDEADLK', () => {
    const f = mk();
    let err = 0;
    dma_fence_add_callback(f, new dma_fence_cb(), (fence) => (err = fence.error));
    dma_fence_put(f);
    expect(err).toBe(-EDEADLK);
    expect(k.log.texts()).toContain(`Fence test:tl:${f.context.toString(16)}:1 released with pending signals!`);
  });

  it('put after release: KASAN use-after-free oops', () => {
    const f = mk();
    dma_fence_put(f);
    const r = k.run(() => dma_fence_put(f));
    expect(isOops(r.oops)).toBe(true);
    expect(r.oops!.summary).toMatch(/^BUG: KASAN: slab-use-after-free in dma_fence_put\+/);
  });

  it('get on a released, not freed fence: refcount addition on 0', () => {
    const f = new dma_fence();
    dma_fence_init(f, { ...ops, release: () => {} }, lock(), 1, 1);
    dma_fence_put(f);
    const r = k.run(() => dma_fence_get(f));
    expect(r.oops?.summary).toBe('refcount_t: underflow; use-after-free.');
  });

  it('is_later: 32-bit wrap, WARN on different contexts', () => {
    const c = dma_fence_context_alloc(1);
    const a = mk(0xffffffff, c);
    const b = mk(1, c);
    expect(dma_fence_is_later(b, a)).toBe(true);
    expect(dma_fence_is_later(a, mk(1))).toBe(false);
    expect(k.log.texts().some((l) => l.includes('include/linux/dma-fence.h:496 dma_fence_is_later+'))).toBe(true);
  });

  it('context counter starts at 1; stub is signaled on context 0', () => {
    expect(dma_fence_context_alloc(1)).toBe(1);
    const s = dma_fence_get_stub();
    expect(s.context).toBe(0);
    expect(dma_fence_is_signaled(s)).toBe(true);
    expect(dma_fence_get_stub()).toBe(s);
  });

  it('enable_signaling runs once; returning false signals', () => {
    let n = 0;
    const f = new dma_fence();
    dma_fence_init(f, { ...ops, enable_signaling: () => (n++, false) }, lock(), 1, 1);
    dma_fence_enable_sw_signaling(f);
    dma_fence_enable_sw_signaling(f);
    expect(n).toBe(1);
    expect(dma_fence_is_signaled(f)).toBe(true);
  });
});
