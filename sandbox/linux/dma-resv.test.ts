import { describe, it, expect, beforeEach } from 'vitest';
import { boot, type Kernel } from '../kernel/kernel.js';
import {
  dma_resv, dma_resv_init, dma_resv_fini, dma_resv_lock, dma_resv_unlock, dma_resv_lock_slow, dma_resv_reserve_fences,
  dma_resv_add_fence, dma_resv_iter, dma_resv_for_each_fence, dma_resv_iter_usage, dma_resv_test_signaled,
  dma_resv_get_singleton, dma_resv_usage_rw, dma_resv_trylock, ww_acquire_ctx, ww_acquire_init, ww_acquire_fini,
  reservation_ww_class, DMA_RESV_USAGE_KERNEL, DMA_RESV_USAGE_WRITE, DMA_RESV_USAGE_READ, DMA_RESV_USAGE_BOOKKEEP,
} from './dma-resv.js';
import { dma_fence, dma_fence_init, dma_fence_signal, dma_fence_put, dma_fence_context_alloc, spinlock_t } from './dma-fence.js';
import { dma_fence_is_array } from './dma-fence.js';
import { EALREADY, EDEADLK, EINVAL } from './errno.js';

let k: Kernel;
beforeEach(() => {
  k = boot();
});
const ops = { get_driver_name: () => 't', get_timeline_name: () => 't' };
function mk(ctx: number, seqno: number): dma_fence {
  const f = new dma_fence();
  dma_fence_init(f, ops, new spinlock_t(), ctx, seqno);
  return f;
}
function newResv(): dma_resv {
  const r = new dma_resv();
  dma_resv_init(r);
  return r;
}
function list(r: dma_resv, usage = DMA_RESV_USAGE_BOOKKEEP): [dma_fence, number][] {
  const out: [dma_fence, number][] = [];
  const c = new dma_resv_iter();
  for (const f of dma_resv_for_each_fence(c, r, usage)) out.push([f, dma_resv_iter_usage(c)]);
  return out;
}

describe('dma_resv', () => {
  it('replacement: same context later seqno at equal-or-stronger usage replaces; weaker usage appends', () => {
    const r = newResv();
    const c = dma_fence_context_alloc(1);
    const f1 = mk(c, 1), f2 = mk(c, 2), f3 = mk(c, 3);
    dma_resv_lock(r, null);
    dma_resv_reserve_fences(r, 3);
    dma_resv_add_fence(r, f1, DMA_RESV_USAGE_READ);
    dma_resv_add_fence(r, f2, DMA_RESV_USAGE_WRITE); // old usage READ >= WRITE: replaced
    expect(list(r)).toEqual([[f2, DMA_RESV_USAGE_WRITE]]);
    dma_resv_add_fence(r, f3, DMA_RESV_USAGE_BOOKKEEP); // old WRITE < BOOKKEEP: appended
    expect(list(r)).toEqual([[f2, DMA_RESV_USAGE_WRITE], [f3, DMA_RESV_USAGE_BOOKKEEP]]);
    expect(list(r, DMA_RESV_USAGE_WRITE)).toEqual([[f2, DMA_RESV_USAGE_WRITE]]);
    dma_resv_unlock(r);
    expect(f1.refcount).toBe(1);
    dma_resv_fini(r);
    [f1, f2, f3].forEach(dma_fence_put);
  });

  it('signaled entries are replaced by anything', () => {
    const r = newResv();
    const a = mk(dma_fence_context_alloc(1), 1);
    const b = mk(dma_fence_context_alloc(1), 1);
    dma_resv_lock(r, null);
    dma_resv_reserve_fences(r, 1);
    dma_resv_add_fence(r, a, DMA_RESV_USAGE_KERNEL);
    dma_fence_signal(a);
    dma_resv_add_fence(r, b, DMA_RESV_USAGE_READ);
    expect(list(r)).toEqual([[b, DMA_RESV_USAGE_READ]]);
    dma_resv_unlock(r);
  });

  it('adding without a reserved slot is a BUG; unlock drops reservations', () => {
    const r = newResv();
    dma_resv_lock(r, null);
    dma_resv_reserve_fences(r, 1);
    expect(r.fences!.max_fences).toBe(5); // 4 rounded up to the 64-byte kmalloc bucket
    dma_resv_unlock(r);
    dma_resv_lock(r, null);
    const res = k.run(() => dma_resv_add_fence(r, mk(dma_fence_context_alloc(1), 1), DMA_RESV_USAGE_WRITE));
    expect(res.oops?.summary).toBe('kernel BUG at drivers/dma-buf/dma-resv.c:319!');
  });

  it('reserve(0) WARNs -EINVAL; add without the lock is a lockdep WARNING', () => {
    const r = newResv();
    dma_resv_lock(r, null);
    expect(dma_resv_reserve_fences(r, 0)).toBe(-EINVAL);
    dma_resv_reserve_fences(r, 1);
    dma_resv_unlock(r);
    k.run(() => dma_resv_add_fence(r, mk(1, 1), DMA_RESV_USAGE_WRITE));
    expect(k.log.texts().some((l) => /dma-resv.c:296 dma_resv_add_fence/.test(l))).toBe(true);
  });

  it('usage_rw: writers wait for READ, readers for WRITE', () => {
    expect(dma_resv_usage_rw(true)).toBe(DMA_RESV_USAGE_READ);
    expect(dma_resv_usage_rw(false)).toBe(DMA_RESV_USAGE_WRITE);
  });

  it('test_signaled and get_singleton (array for two fences)', () => {
    const r = newResv();
    const a = mk(dma_fence_context_alloc(1), 1), b = mk(dma_fence_context_alloc(1), 1);
    dma_resv_lock(r, null);
    dma_resv_reserve_fences(r, 2);
    dma_resv_add_fence(r, a, DMA_RESV_USAGE_WRITE);
    dma_resv_add_fence(r, b, DMA_RESV_USAGE_READ);
    dma_resv_unlock(r);
    expect(dma_resv_test_signaled(r, DMA_RESV_USAGE_READ)).toBe(false);
    const out = { value: null as dma_fence | null };
    expect(dma_resv_get_singleton(r, DMA_RESV_USAGE_WRITE, out)).toBe(0);
    expect(out.value).toBe(a);
    dma_fence_put(out.value);
    dma_resv_get_singleton(r, DMA_RESV_USAGE_READ, out);
    expect(dma_fence_is_array(out.value!)).toBe(true);
    dma_fence_signal(a);
    expect(dma_resv_test_signaled(r, DMA_RESV_USAGE_WRITE)).toBe(true);
    expect(dma_resv_test_signaled(r, DMA_RESV_USAGE_READ)).toBe(false);
    dma_fence_put(out.value);
  });

  it('wait-die: -EALREADY, younger with locks gets -EDEADLK, lock_slow after back-off', () => {
    const r1 = newResv(), r2 = newResv();
    const old = new ww_acquire_ctx(), young = new ww_acquire_ctx();
    ww_acquire_init(old, reservation_ww_class);
    ww_acquire_init(young, reservation_ww_class);
    expect(dma_resv_lock(r1, old)).toBe(0);
    expect(dma_resv_lock(r1, old)).toBe(-EALREADY);
    expect(dma_resv_lock(r2, young)).toBe(0);
    expect(dma_resv_lock(r1, young)).toBe(-EDEADLK);
    expect(young.contending_lock).toBe(r1.lock);
    dma_resv_unlock(r2);
    dma_resv_unlock(r1);
    dma_resv_lock_slow(r1, young);
    expect(r1.lock.ctx).toBe(young);
    expect(dma_resv_trylock(r2)).toBe(true);
    dma_resv_unlock(r2);
    dma_resv_unlock(r1);
    ww_acquire_fini(old);
    ww_acquire_fini(young);
  });

  it('locking twice without a ctx is a recursive-locking oops', () => {
    const r = newResv();
    dma_resv_lock(r, null);
    const res = k.run(() => dma_resv_lock(r, null));
    expect(res.oops?.summary).toMatch(/possible recursive locking detected/);
    expect(k.log.texts()).toContain('WARNING: possible recursive locking detected');
  });
});
