/**
 * CPU access to a dma_buf in `drivers/dma-buf/dma-buf.c` (v6.12):
 * begin/end_cpu_access, mmap, vmap/vunmap and their `_unlocked` forms.
 * @module
 */
import { EINVAL, EOVERFLOW } from '../kernel/errno.js';
import { WARN_ON, WARN_ON_ONCE, BUG_ON, die } from '../kernel/bug.js';
import { kasan_check } from '../kernel/kasan.js';
import { might_lock } from '../kernel/lockdep.js';
import { MAX_SCHEDULE_TIMEOUT } from '../kernel/clock.js';
import { dma_resv_lock, dma_resv_unlock, dma_resv_wait_timeout, dma_resv_usage_rw, dma_resv_assert_held } from './dma-resv.js';
import { DMA_BIDIRECTIONAL, DMA_TO_DEVICE, type dma_data_direction } from './dma-mapping.js';
import { iosys_map, iosys_map_clear, iosys_map_is_null, iosys_map_is_set, iosys_map_is_equal, iosys_map_copy } from './iosys-map.js';
import { vma_pages, type dma_buf, type vm_area_struct } from './dma-buf-types.js';
import { dma_buf_lock_rule } from './dma-buf-locking.js';
import { call, call_op, check_not_held, state, with_rule } from './dma-buf-internal.js';
import { PAGE_SHIFT } from './device.js';

const B = 'drivers/dma-buf/dma-buf.c';

/**
 * Prepare for CPU access in `direction`: calls the exporter's begin_cpu_access
 * (unlocked), then waits (interruptibly, without timeout) for the implicit
 * fences: all of them for a write (TO_DEVICE, BIDIRECTIONAL), writers only for
 * FROM_DEVICE. Returns 0, the exporter's error, or the wait error
 * (-ERESTARTSYS). WARN and -EINVAL for a missing buffer. Must be called
 * without the reservation lock (might_lock report otherwise).
 * Mirrors `drivers/dma-buf/dma-buf.c: dma_buf_begin_cpu_access, v6.12`.
 */
export function dma_buf_begin_cpu_access(dmabuf: dma_buf | null, direction: dma_data_direction): number {
  if (WARN_ON(!dmabuf, [B, 1410, 'dma_buf_begin_cpu_access'])) return -EINVAL;
  const buf = dmabuf!;
  kasan_check(buf, 'dma_buf_begin_cpu_access');
  might_lock(buf.resv.lock, 'dma_buf_begin_cpu_access', dma_buf_lock_rule('dma_buf_begin_cpu_access')!);
  let ret = 0;
  if (buf.ops.begin_cpu_access) ret = call_op(buf, 'begin_cpu_access', buf.__id, () => buf.ops.begin_cpu_access!(buf, direction));
  if (ret === 0) {
    const write = direction === DMA_BIDIRECTIONAL || direction === DMA_TO_DEVICE;
    const r = dma_resv_wait_timeout(buf.resv, dma_resv_usage_rw(write), true, MAX_SCHEDULE_TIMEOUT);
    ret = r < 0 ? r : 0;
  }
  if (ret === 0) state('dma_buf', 'begin_cpu_access', buf.__id, { direction });
  call('dma_buf_begin_cpu_access', 'dma_buf', buf.__id, ret);
  return ret;
}

/**
 * End CPU access: calls the exporter's end_cpu_access and returns its result
 * (0 if none). WARNs on a missing buffer and then (like the kernel) faults on it.
 * Must be called without the reservation lock.
 * Mirrors `drivers/dma-buf/dma-buf.c: dma_buf_end_cpu_access, v6.12`.
 */
export function dma_buf_end_cpu_access(dmabuf: dma_buf | null, direction: dma_data_direction): number {
  WARN_ON(!dmabuf, [B, 1446, 'dma_buf_end_cpu_access']);
  const buf = dmabuf!;
  if (!buf) {
    // the kernel dereferences NULL right after the WARN
    const s = 'BUG: kernel NULL pointer dereference, address: 0000000000000000';
    return die([s, '#PF: supervisor read access in kernel mode'], [B, 1448, 'dma_buf_end_cpu_access'], s);
  }
  kasan_check(buf, 'dma_buf_end_cpu_access');
  might_lock(buf.resv.lock, 'dma_buf_end_cpu_access', dma_buf_lock_rule('dma_buf_end_cpu_access')!);
  let ret = 0;
  if (buf.ops.end_cpu_access) ret = call_op(buf, 'end_cpu_access', buf.__id, () => buf.ops.end_cpu_access!(buf, direction));
  state('dma_buf', 'end_cpu_access', buf.__id, { direction });
  call('dma_buf_end_cpu_access', 'dma_buf', buf.__id, ret);
  return ret;
}

/**
 * Map the buffer into user space through the exporter. `pgoff` in pages of 4096
 * bytes. Returns 0 or: WARN and -EINVAL for a missing buffer or vma; -EINVAL
 * without an exporter mmap; -EOVERFLOW when pgoff + pages wraps; -EINVAL when
 * the range passes the end. Sets vma.vm_file and vma.vm_pgoff. No lock.
 * Mirrors `drivers/dma-buf/dma-buf.c: dma_buf_mmap, v6.12`.
 */
export function dma_buf_mmap(dmabuf: dma_buf | null, vma: vm_area_struct | null, pgoff: number): number {
  if (WARN_ON(!dmabuf || !vma, [B, 1475, 'dma_buf_mmap'])) return -EINVAL;
  const buf = dmabuf!;
  const v = vma!;
  kasan_check(buf, 'dma_buf_mmap');
  check_not_held('dma_buf_mmap', buf);
  if (!buf.ops.mmap) return -EINVAL;
  const end = pgoff + vma_pages(v);
  if (end > Number.MAX_SAFE_INTEGER || end < pgoff) return -EOVERFLOW;
  if (end > Math.floor(buf.size / 2 ** PAGE_SHIFT)) return -EINVAL;
  v.vm_file = buf.file;
  v.vm_pgoff = pgoff;
  const r = call_op(buf, 'mmap', buf.__id, () => buf.ops.mmap!(buf, v));
  call('dma_buf_mmap', 'dma_buf', buf.__id, r);
  return r;
}

/**
 * Map the buffer into kernel address space; the reservation lock must be held.
 * Clears `map` first, then fills it. Returns 0, or: WARN and -EINVAL for a
 * missing buffer; -EINVAL without an exporter vmap; the exporter's error (with a
 * WARN_ON_ONCE). Mappings are counted and shared. BUG on an inconsistent count.
 * Mirrors `drivers/dma-buf/dma-buf.c: dma_buf_vmap, v6.12`.
 */
export function dma_buf_vmap(dmabuf: dma_buf | null, map: iosys_map): number {
  iosys_map_clear(map);
  if (WARN_ON(!dmabuf, [B, 1522, 'dma_buf_vmap'])) return -EINVAL;
  const buf = dmabuf!;
  kasan_check(buf, 'dma_buf_vmap');
  dma_resv_assert_held(buf.resv, [B, 1525, 'dma_buf_vmap'], dma_buf_lock_rule('dma_buf_vmap'));
  if (!buf.ops.vmap) return -EINVAL;
  if (buf.vmapping_counter) {
    buf.vmapping_counter++;
    BUG_ON(iosys_map_is_null(buf.vmap_ptr), [B, 1532, 'dma_buf_vmap']);
    iosys_map_copy(map, buf.vmap_ptr);
    state('dma_buf', 'vmap_get', buf.__id, { count: buf.vmapping_counter });
    call('dma_buf_vmap', 'dma_buf', buf.__id, 0);
    return 0;
  }
  BUG_ON(iosys_map_is_set(buf.vmap_ptr), [B, 1537, 'dma_buf_vmap']);
  const ptr = new iosys_map();
  const ret = call_op(buf, 'vmap', buf.__id, () => buf.ops.vmap!(buf, ptr));
  if (WARN_ON_ONCE(ret, [B, 1540, 'dma_buf_vmap'])) {
    call('dma_buf_vmap', 'dma_buf', buf.__id, ret);
    return ret;
  }
  iosys_map_copy(buf.vmap_ptr, ptr);
  buf.vmapping_counter = 1;
  iosys_map_copy(map, buf.vmap_ptr);
  state('dma_buf', 'vmap', buf.__id, { count: 1 });
  call('dma_buf_vmap', 'dma_buf', buf.__id, 0);
  return 0;
}

/**
 * dma_buf_vmap() taking the lock itself; must be called without it.
 * Mirrors `drivers/dma-buf/dma-buf.c: dma_buf_vmap_unlocked, v6.12`.
 */
export function dma_buf_vmap_unlocked(dmabuf: dma_buf | null, map: iosys_map): number {
  iosys_map_clear(map);
  if (WARN_ON(!dmabuf, [B, 1568, 'dma_buf_vmap_unlocked'])) return -EINVAL;
  const buf = dmabuf!;
  check_not_held('dma_buf_vmap_unlocked', buf);
  with_rule('dma_buf_vmap_unlocked', () => dma_resv_lock(buf.resv, null));
  const ret = dma_buf_vmap(buf, map);
  dma_resv_unlock(buf.resv);
  return ret;
}

/**
 * Drop one kernel mapping; lock held. WARN and return for a missing buffer.
 * BUG (oops) if nothing is mapped, the count is 0, or `map` is not the shared
 * mapping. At 0 the exporter's vunmap runs.
 * Mirrors `drivers/dma-buf/dma-buf.c: dma_buf_vunmap, v6.12`.
 */
export function dma_buf_vunmap(dmabuf: dma_buf | null, map: iosys_map): void {
  if (WARN_ON(!dmabuf, [B, 1586, 'dma_buf_vunmap'])) return;
  const buf = dmabuf!;
  kasan_check(buf, 'dma_buf_vunmap');
  dma_resv_assert_held(buf.resv, [B, 1589, 'dma_buf_vunmap'], dma_buf_lock_rule('dma_buf_vunmap'));
  BUG_ON(iosys_map_is_null(buf.vmap_ptr), [B, 1591, 'dma_buf_vunmap']);
  BUG_ON(buf.vmapping_counter === 0, [B, 1592, 'dma_buf_vunmap']);
  BUG_ON(!iosys_map_is_equal(buf.vmap_ptr, map), [B, 1593, 'dma_buf_vunmap']);
  call('dma_buf_vunmap', 'dma_buf', buf.__id);
  if (--buf.vmapping_counter === 0) {
    if (buf.ops.vunmap) call_op(buf, 'vunmap', buf.__id, () => buf.ops.vunmap!(buf, map));
    iosys_map_clear(buf.vmap_ptr);
    state('dma_buf', 'vunmap', buf.__id, { count: 0 });
  } else state('dma_buf', 'vunmap_put', buf.__id, { count: buf.vmapping_counter });
}

/**
 * dma_buf_vunmap() taking the lock itself; must be called without it.
 * Mirrors `drivers/dma-buf/dma-buf.c: dma_buf_vunmap_unlocked, v6.12`.
 */
export function dma_buf_vunmap_unlocked(dmabuf: dma_buf | null, map: iosys_map): void {
  if (WARN_ON(!dmabuf, [B, 1610, 'dma_buf_vunmap_unlocked'])) return;
  const buf = dmabuf!;
  check_not_held('dma_buf_vunmap_unlocked', buf);
  with_rule('dma_buf_vunmap_unlocked', () => dma_resv_lock(buf.resv, null));
  dma_buf_vunmap(buf, map);
  dma_resv_unlock(buf.resv);
}
