import { describe, it, expect } from 'vitest';
import { boot } from '../kernel/kernel.js';
import { ENOENT, EIO } from '../kernel/errno.js';
import { dma_fence_is_signaled, dma_fence_get_status, dma_fence_put, dma_fence_wait_timeout, dma_fence_wait } from '../linux/dma-fence.js';
import { sync_file_get_fence } from '../linux/sync_file.js';
import { close_fd } from '../linux/file.js';
import { sync_timeline_create, sync_pt_create, sync_timeline_signal, sw_sync_create_fence, sw_sync_release } from './sw_sync.js';
import { sim_device, sim_device_queue_job } from './sim-device.js';

describe('sw_sync timeline', () => {
  it('signals points in order as the timeline advances; same value, same point', () => {
    const k = boot();
    const tl = sync_timeline_create('tl');
    const p1 = sync_pt_create(tl, 1);
    const p3 = sync_pt_create(tl, 3);
    expect(sync_pt_create(tl, 3)).toBe(p3);
    sync_timeline_signal(tl, 1);
    expect([dma_fence_is_signaled(p1), dma_fence_is_signaled(p3)]).toEqual([true, false]);
    sync_timeline_signal(tl, 2);
    expect(dma_fence_is_signaled(p3)).toBe(true);
    const p0 = sync_pt_create(tl, 2);
    expect(dma_fence_is_signaled(p0)).toBe(true);
    [p1, p3, p3, p0].forEach(dma_fence_put);
    sw_sync_release(tl);
    expect(tl.__kfreed).toBe(true);
    expect(k.oops).toBeUndefined();
  });

  it('fds carry the fence; closing the timeline signals what is left with -ENOENT', () => {
    const k = boot();
    const tl = sync_timeline_create('tl');
    const fd = sw_sync_create_fence(tl, 5);
    const f = sync_file_get_fence(fd)!;
    expect(f.ops.get_timeline_name(f)).toBe('tl');
    sw_sync_release(tl);
    expect(dma_fence_get_status(f)).toBe(-ENOENT);
    dma_fence_put(f);
    expect(close_fd(fd)).toBe(0);
    expect(k.oops).toBeUndefined();
  });
});

describe('simulated device', () => {
  it('jobs run in order, each N virtual microseconds after the previous', () => {
    const k = boot();
    const ring = new sim_device('gpu0');
    const a = sim_device_queue_job(ring, { duration_us: 100 });
    const b = sim_device_queue_job(ring, { duration_us: 50, error: -EIO });
    expect(dma_fence_is_signaled(a)).toBe(false);
    expect(dma_fence_wait(a, false)).toBe(0);
    expect(k.clock.ns).toBe(100_000);
    expect(dma_fence_is_signaled(b)).toBe(false);
    expect(dma_fence_wait_timeout(b, false, 1)).toBeGreaterThan(0);
    expect(k.clock.ns).toBe(150_000);
    expect(dma_fence_get_status(b)).toBe(-EIO);
    dma_fence_put(a);
    dma_fence_put(b);
    expect(k.oops).toBeUndefined();
  });
});
