import { describe, it, expect, beforeEach } from 'vitest';
import { boot, type Kernel } from '../kernel/kernel.js';
import { IS_ERR, PTR_ERR } from '../kernel/err.js';
import {
  dma_buf_export, DEFINE_DMA_BUF_EXPORT_INFO, dma_buf_attach, dma_buf_dynamic_attach, dma_buf_detach,
  dma_buf_map_attachment, dma_buf_unmap_attachment, dma_buf_map_attachment_unlocked, dma_buf_unmap_attachment_unlocked,
  dma_buf_put, dma_buf_get, dma_buf_fd, get_dma_buf, dma_buf_refcount, dma_buf_move_notify, dma_buf_pin,
  dma_buf_vmap, dma_buf_vmap_unlocked, dma_buf_vunmap_unlocked, dma_buf_begin_cpu_access, dma_buf_mmap, vm_area_struct,
  dma_buf_get_pfn_unlocked, type dma_buf, type dma_buf_ops, type dma_buf_attachment,
} from './dma-buf.js';
import { dma_resv_lock, dma_resv_unlock, dma_resv_reserve_fences, dma_resv_add_fence, DMA_RESV_USAGE_KERNEL, DMA_RESV_USAGE_WRITE } from './dma-resv.js';
import { dma_fence, dma_fence_init, dma_fence_signal, dma_fence_put, spinlock_t } from './dma-fence.js';
import { DMA_BIDIRECTIONAL, DMA_TO_DEVICE, DMA_FROM_DEVICE } from './dma-mapping.js';
import { device } from './device.js';
import { iosys_map } from './iosys-map.js';
import { close_fd } from './file.js';
import { EBUSY, EINVAL, EBADF, ENOENT, EOVERFLOW } from './errno.js';
import { system_heap_allocate } from '../drivers/system-heap.js';
import { vram_bo_export, vram_evict, type vram_bo } from '../drivers/vram.js';
import { dynamic_importer_import, dynamic_importer_get_sgt, dynamic_importer_release, type dynamic_importer } from '../drivers/importers.js';

let k: Kernel;
let dev: device;
beforeEach(() => {
  k = boot();
  dev = new device('display0');
});

function counting(extra: Partial<dma_buf_ops> = {}): { ops: dma_buf_ops; calls: string[] } {
  const calls: string[] = [];
  const base = system_heap_allocate(4096) as dma_buf; // reuse its ops for map/unmap
  const ops: dma_buf_ops = {
    map_dma_buf: (a, d) => (calls.push(`map:${d}`), base.ops.map_dma_buf!(a, d)),
    unmap_dma_buf: (a, s, d) => (calls.push(`unmap:${d}`), base.ops.unmap_dma_buf!(a, s, d)),
    release: () => calls.push('release'),
    ...extra,
  };
  dma_buf_put(base);
  return { ops, calls };
}

function exportWith(ops: dma_buf_ops, priv: unknown = { pfn: 0x100, npages: 1 }): dma_buf {
  const info = DEFINE_DMA_BUF_EXPORT_INFO();
  info.ops = ops;
  info.priv = priv;
  info.size = 8192;
  const b = dma_buf_export(info);
  if (IS_ERR(b)) throw new Error(String(b));
  return b;
}

const warned = (re: RegExp) => k.log.texts().some((l) => re.test(l));

describe('dma_buf_export', () => {
  it('WARNs and returns -EINVAL for missing ops, cache+pin, pin without unpin', () => {
    const info = DEFINE_DMA_BUF_EXPORT_INFO();
    info.priv = {};
    expect(PTR_ERR(dma_buf_export(info))).toBe(-EINVAL);
    expect(warned(/^WARNING: CPU: 0 PID: 1 at drivers\/dma-buf\/dma-buf.c:632 dma_buf_export\+0x[0-9a-f]+\/0x[0-9a-f]+$/)).toBe(true);
    const { ops } = counting();
    info.ops = { ...ops, cache_sgt_mapping: true, pin: () => 0, unpin: () => {} };
    expect(PTR_ERR(dma_buf_export(info))).toBe(-EINVAL);
    expect(warned(/dma-buf.c:638 dma_buf_export/)).toBe(true);
    info.ops = { ...ops, pin: () => 0 };
    expect(PTR_ERR(dma_buf_export(info))).toBe(-EINVAL);
    expect(warned(/dma-buf.c:642 dma_buf_export/)).toBe(true);
  });
});

describe('references', () => {
  it('export=1, fd moves it, get +1, put -1, release at the last put', () => {
    const { ops, calls } = counting();
    const b = exportWith(ops);
    expect(dma_buf_refcount(b)).toBe(1);
    const fd = dma_buf_fd(b, 0);
    expect(dma_buf_refcount(b)).toBe(1);
    const b2 = dma_buf_get(fd);
    expect(b2).toBe(b);
    expect(dma_buf_refcount(b)).toBe(2);
    get_dma_buf(b);
    dma_buf_put(b);
    dma_buf_put(b);
    expect(calls).not.toContain('release');
    expect(close_fd(fd)).toBe(0);
    expect(calls).toContain('release');
    expect(PTR_ERR(dma_buf_get(fd))).toBe(-EBADF);
  });

  it('dma_buf_put on a released buffer: KASAN oops; put(NULL) WARNs', () => {
    const { ops } = counting();
    const b = exportWith(ops);
    dma_buf_put(b);
    const r = k.run(() => dma_buf_put(b));
    expect(r.oops?.summary).toMatch(/KASAN: slab-use-after-free in dma_buf_put/);
  });

  it('release with an outstanding vmap is a BUG', () => {
    const b = system_heap_allocate(4096) as dma_buf;
    const m = new iosys_map();
    expect(dma_buf_vmap_unlocked(b, m)).toBe(0);
    const r = k.run(() => dma_buf_put(b));
    expect(r.oops?.summary).toBe('kernel BUG at drivers/dma-buf/dma-buf.c:92!');
  });

  it('release with attachments left WARNs', () => {
    const b = system_heap_allocate(4096) as dma_buf;
    dma_buf_attach(b, dev);
    dma_buf_put(b);
    expect(warned(/dma-buf.c:107 dma_buf_release/)).toBe(true);
  });
});

describe('importer x exporter matrix', () => {
  it('static importer, static exporter: nothing at attach, each map calls the exporter', () => {
    const { ops, calls } = counting();
    const b = exportWith(ops);
    const a = dma_buf_attach(b, dev) as dma_buf_attachment;
    expect(calls).toEqual([]);
    const s1 = dma_buf_map_attachment_unlocked(a, DMA_TO_DEVICE);
    const s2 = dma_buf_map_attachment_unlocked(a, DMA_FROM_DEVICE);
    expect(s1).not.toBe(s2);
    expect(calls).toEqual(['map:1', 'map:2']);
    dma_buf_unmap_attachment_unlocked(a, s1 as never, DMA_TO_DEVICE);
    expect(calls).toContain('unmap:1');
    dma_buf_detach(b, a);
  });

  it('cache_sgt_mapping: same table, -EBUSY on another direction, unmap is a no-op until detach', () => {
    const { ops, calls } = counting({ cache_sgt_mapping: true });
    const b = exportWith(ops);
    const a = dma_buf_attach(b, dev) as dma_buf_attachment;
    const s1 = dma_buf_map_attachment_unlocked(a, DMA_TO_DEVICE);
    expect(dma_buf_map_attachment_unlocked(a, DMA_TO_DEVICE)).toBe(s1);
    expect(PTR_ERR(dma_buf_map_attachment_unlocked(a, DMA_FROM_DEVICE))).toBe(-EBUSY);
    dma_buf_unmap_attachment_unlocked(a, s1 as never, DMA_TO_DEVICE);
    expect(calls).toEqual(['map:1']);
    dma_buf_detach(b, a);
    expect(calls).toEqual(['map:1', 'unmap:1']);
  });

  it('static importer, dynamic exporter: pinned + BIDIRECTIONAL cached at attach, unpinned at detach', () => {
    const { ops, calls } = counting({ pin: () => (calls.push('pin'), 0), unpin: () => calls.push('unpin') });
    const b = exportWith(ops);
    const a = dma_buf_attach(b, dev) as dma_buf_attachment;
    expect(calls).toEqual(['pin', 'map:0']);
    expect(a.sgt).not.toBeNull();
    expect(a.dir).toBe(DMA_BIDIRECTIONAL);
    const s = dma_buf_map_attachment_unlocked(a, DMA_TO_DEVICE);
    expect(s).toBe(a.sgt);
    dma_buf_unmap_attachment_unlocked(a, s as never, DMA_TO_DEVICE);
    expect(calls).toEqual(['pin', 'map:0']);
    dma_buf_detach(b, a);
    expect(calls).toEqual(['pin', 'map:0', 'unmap:0', 'unpin']);
  });

  it('attach-time pin failure: error returned, exporter detach still called', () => {
    const { ops, calls } = counting({ pin: () => -EBUSY, unpin: () => {}, detach: () => calls.push('detach') });
    const b = exportWith(ops);
    expect(PTR_ERR(dma_buf_attach(b, dev))).toBe(-EBUSY);
    expect(calls).toEqual(['detach']);
    expect(b.attachments.length).toBe(0);
  });

  it('dynamic importer, static exporter: mapped BIDIRECTIONAL at attach and cached', () => {
    const { ops, calls } = counting();
    const b = exportWith(ops);
    const a = dma_buf_dynamic_attach(b, dev, { move_notify: () => {} }, null) as dma_buf_attachment;
    expect(calls).toEqual(['map:0']);
    dma_resv_lock(b.resv, null);
    expect(dma_buf_map_attachment(a, DMA_FROM_DEVICE)).toBe(a.sgt);
    dma_resv_unlock(b.resv);
    dma_buf_detach(b, a);
    expect(calls).toEqual(['map:0', 'unmap:0']);
  });

  it('dynamic x dynamic, MOVE_NOTIFY off: every map pins and every unmap unpins', () => {
    const { ops, calls } = counting({ pin: () => (calls.push('pin'), 0), unpin: () => calls.push('unpin') });
    const b = exportWith(ops);
    const a = dma_buf_dynamic_attach(b, dev, { move_notify: () => {} }, null) as dma_buf_attachment;
    expect(calls).toEqual([]);
    dma_resv_lock(b.resv, null);
    const s = dma_buf_map_attachment(a, DMA_TO_DEVICE);
    dma_buf_unmap_attachment(a, s as never, DMA_TO_DEVICE);
    dma_resv_unlock(b.resv);
    expect(calls).toEqual(['pin', 'map:1', 'unmap:1', 'unpin']);
    dma_buf_detach(b, a);
  });

  it('dynamic x dynamic, MOVE_NOTIFY on: no pin', () => {
    k = boot({ CONFIG_DMABUF_MOVE_NOTIFY: true });
    const { ops, calls } = counting({ pin: () => (calls.push('pin'), 0), unpin: () => calls.push('unpin') });
    const b = exportWith(ops);
    const a = dma_buf_dynamic_attach(b, dev, { move_notify: () => {} }, null) as dma_buf_attachment;
    dma_resv_lock(b.resv, null);
    const s = dma_buf_map_attachment(a, DMA_TO_DEVICE);
    dma_buf_unmap_attachment(a, s as never, DMA_TO_DEVICE);
    dma_resv_unlock(b.resv);
    expect(calls).toEqual(['map:1', 'unmap:1']);
  });

  it('dynamic attach without move_notify: WARN and -EINVAL', () => {
    const b = system_heap_allocate(4096) as dma_buf;
    expect(PTR_ERR(dma_buf_dynamic_attach(b, dev, {}, null))).toBe(-EINVAL);
    expect(warned(/dma-buf.c:913 dma_buf_dynamic_attach/)).toBe(true);
    expect(PTR_ERR(dma_buf_attach(b, null))).toBe(-EINVAL);
    expect(warned(/dma-buf.c:910 dma_buf_dynamic_attach/)).toBe(true);
  });

  it('static importer waits for KERNEL fences at map', () => {
    const b = system_heap_allocate(4096) as dma_buf;
    const f = new dma_fence();
    dma_fence_init(f, { get_driver_name: () => 'copy', get_timeline_name: () => 'sdma' }, new spinlock_t(), 5, 1);
    dma_resv_lock(b.resv, null);
    dma_resv_reserve_fences(b.resv, 1);
    dma_resv_add_fence(b.resv, f, DMA_RESV_USAGE_KERNEL);
    dma_resv_unlock(b.resv);
    k.sched.add_timer(1_000_000, () => dma_fence_signal(f));
    const a = dma_buf_attach(b, dev) as dma_buf_attachment;
    expect(IS_ERR(dma_buf_map_attachment_unlocked(a, DMA_TO_DEVICE))).toBe(false);
    expect(k.clock.ns).toBe(1_000_000);
    dma_fence_put(f);
  });
});

describe('move_notify', () => {
  it('reaches only dynamic importers, which re-map to new addresses', () => {
    k = boot({ CONFIG_DMABUF_MOVE_NOTIFY: true });
    const b = vram_bo_export(8192) as dma_buf;
    const bo = b.priv as vram_bo;
    const gpu = new device('gpu1');
    const imp = dynamic_importer_import(b, gpu) as dynamic_importer;
    const s1 = dynamic_importer_get_sgt(imp) as { sgl: { dma_address: number; page_link: number }[] };
    const addr1 = s1.sgl[0]!.dma_address;
    const pfn1 = s1.sgl[0]!.page_link;
    const stat = dma_buf_attach(b, new device('display1'));
    expect(IS_ERR(stat)).toBe(false);
    expect(bo.pin_count).toBe(1); // static importer pinned it at attach
    const inv = imp.invalidations;
    dma_resv_lock(b.resv, null);
    dma_buf_move_notify(b);
    dma_resv_unlock(b.resv);
    expect(imp.invalidations).toBe(inv + 1);
    dma_buf_detach(b, stat as dma_buf_attachment);
    expect(vram_evict(bo)).toBe(0);
    const s2 = dynamic_importer_get_sgt(imp) as typeof s1;
    expect(s2.sgl[0]!.page_link).not.toBe(pfn1);
    expect(s2.sgl[0]!.dma_address).not.toBe(addr1);
    dynamic_importer_release(imp);
    dma_buf_put(b);
  });

  it('move_notify without the lock: lockdep WARNING naming the rule', () => {
    const b = system_heap_allocate(4096) as dma_buf;
    dma_buf_move_notify(b);
    expect(warned(/dma-buf.c:1276 dma_buf_move_notify/)).toBe(true);
    expect(warned(/rule: exporters must hold the dma-buf reservation lock when calling dma_buf_move_notify\(\)/)).toBe(true);
  });
});

describe('locking convention', () => {
  it('map without the lock: WARNING at dma-buf.c:1123 with the rule', () => {
    const b = system_heap_allocate(4096) as dma_buf;
    const a = dma_buf_attach(b, dev) as dma_buf_attachment;
    dma_buf_map_attachment(a, DMA_TO_DEVICE);
    expect(warned(/WARNING: CPU: 0 PID: 1 at drivers\/dma-buf\/dma-buf.c:1123 dma_buf_map_attachment\+/)).toBe(true);
    expect(warned(/rule: importers must hold the dma-buf reservation lock when calling dma_buf_map_attachment\(\)/)).toBe(true);
  });

  it('attach with the lock held: convention report, then deadlock oops', () => {
    const b = system_heap_allocate(4096) as dma_buf;
    dma_resv_lock(b.resv, null);
    const r = k.run(() => dma_buf_attach(b, dev));
    expect(warned(/^WARNING: dma-buf locking convention violated$/)).toBe(true);
    expect(warned(/^rule: importers must not hold the dma-buf reservation lock when calling dma_buf_attach\(\)$/)).toBe(true);
    expect(r.oops?.summary).toMatch(/possible recursive locking detected: reservation_ww_class_mutex/);
  });

  it('exporter taking the lock in pin: deadlock oops naming the exporter rule', () => {
    let resv: dma_buf['resv'] | null = null;
    const { ops } = counting({ pin: () => dma_resv_lock(resv!, null), unpin: () => {} });
    const b = exportWith(ops);
    resv = b.resv;
    const r = k.run(() => dma_buf_attach(b, dev));
    expect(r.oops).toBeDefined();
    expect(k.log.texts()).toContain("rule: dma_buf_ops.pin() is invoked with the reservation lock held: the exporter can't take it");
  });

  it('begin_cpu_access with the lock held: might_lock report', () => {
    const b = system_heap_allocate(4096) as dma_buf;
    dma_resv_lock(b.resv, null);
    expect(dma_buf_begin_cpu_access(b, DMA_FROM_DEVICE)).toBe(0);
    expect(warned(/dma_buf_begin_cpu_access\(\)/)).toBe(true);
    dma_resv_unlock(b.resv);
  });

  it('pin by a static importer WARNs', () => {
    const b = system_heap_allocate(4096) as dma_buf;
    const a = dma_buf_attach(b, dev) as dma_buf_attachment;
    dma_resv_lock(b.resv, null);
    expect(dma_buf_pin(a)).toBe(0);
    dma_resv_unlock(b.resv);
    expect(warned(/dma-buf.c:1059 dma_buf_pin/)).toBe(true);
  });
});

describe('cpu access, mmap, vmap', () => {
  it('begin_cpu_access waits for writers (read) or all fences (write)', () => {
    const b = system_heap_allocate(4096) as dma_buf;
    const f = new dma_fence();
    dma_fence_init(f, { get_driver_name: () => 'gpu', get_timeline_name: () => 'gfx' }, new spinlock_t(), 9, 1);
    dma_resv_lock(b.resv, null);
    dma_resv_reserve_fences(b.resv, 1);
    dma_resv_add_fence(b.resv, f, DMA_RESV_USAGE_WRITE);
    dma_resv_unlock(b.resv);
    k.sched.add_timer(2_000_000, () => dma_fence_signal(f));
    expect(dma_buf_begin_cpu_access(b, DMA_FROM_DEVICE)).toBe(0);
    expect(k.clock.ns).toBe(2_000_000);
    dma_fence_put(f);
  });

  it('mmap: -EINVAL past the end, -EOVERFLOW on wrap', () => {
    const b = system_heap_allocate(8192) as dma_buf;
    expect(dma_buf_mmap(b, new vm_area_struct(0, 8192), 0)).toBe(0);
    expect(dma_buf_mmap(b, new vm_area_struct(0, 8192), 1)).toBe(-EINVAL);
    expect(dma_buf_mmap(b, new vm_area_struct(0, 8192), Number.MAX_SAFE_INTEGER)).toBe(-EOVERFLOW);
  });

  it('vmap is shared and counted; vunmap of another map is a BUG', () => {
    const b = system_heap_allocate(4096) as dma_buf;
    const m1 = new iosys_map();
    const m2 = new iosys_map();
    expect(dma_buf_vmap_unlocked(b, m1)).toBe(0);
    expect(dma_buf_vmap_unlocked(b, m2)).toBe(0);
    expect(m2.vaddr).toBe(m1.vaddr);
    expect(b.vmapping_counter).toBe(2);
    dma_buf_vunmap_unlocked(b, m1);
    const r = k.run(() => dma_buf_vunmap_unlocked(b, new iosys_map()));
    expect(r.oops?.summary).toBe('kernel BUG at drivers/dma-buf/dma-buf.c:1593!');
    void dma_buf_vmap;
  });
});

describe('RFC get_pfn proposal', () => {
  const pfnOps = (): dma_buf_ops => ({
    release: () => {},
    get_pfn: (a, pgoff, pfn, order) => {
      pfn.value = (a.dmabuf.priv as { pfn: number }).pfn + pgoff;
      order.value = 0;
      return 0;
    },
  });
  it('is refused without the switch (export needs map/unmap)', () => {
    const info = DEFINE_DMA_BUF_EXPORT_INFO();
    info.ops = pfnOps();
    info.priv = { pfn: 0x42 };
    expect(PTR_ERR(dma_buf_export(info))).toBe(-EINVAL);
  });
  it('with the switch: export without map, attach without a device, get the pfn', () => {
    k = boot({ proposals: { rfc_get_pfn: true } });
    const info = DEFINE_DMA_BUF_EXPORT_INFO();
    info.ops = pfnOps();
    info.priv = { pfn: 0x42 };
    info.size = 8192;
    const b = dma_buf_export(info) as dma_buf;
    expect(IS_ERR(b)).toBe(false);
    const a = dma_buf_attach(b, null) as dma_buf_attachment;
    expect(IS_ERR(a)).toBe(false);
    const pfn = { value: 0 };
    const order = { value: -1 };
    expect(dma_buf_get_pfn_unlocked(a, 1, pfn, order)).toBe(0);
    expect(pfn.value).toBe(0x43);
    expect(PTR_ERR(dma_buf_map_attachment_unlocked(a, DMA_TO_DEVICE))).toBe(-EINVAL);
    expect(ENOENT).toBe(2);
  });
});
