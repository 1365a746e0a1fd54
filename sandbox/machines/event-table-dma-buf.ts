/**
 * Machine event → model call, for the dma_buf and dma_buf_attachment
 * machines (the dma_fence rows are in event-table.ts, which re-exports these).
 * Each row runs the call a driver would make to cause that lifecycle event,
 * on a small "world" holding the objects and the references the caller owns.
 * @module
 */
import { IS_ERR } from '../kernel/err.js';
import {
  dma_buf_fd, dma_buf_get, get_dma_buf, dma_buf_put, dma_buf_refcount, dma_buf_vmap_unlocked, dma_buf_vunmap_unlocked,
  dma_buf_begin_cpu_access, dma_buf_end_cpu_access, dma_buf_attach, dma_buf_dynamic_attach, dma_buf_detach, dma_buf_pin,
  dma_buf_unpin, dma_buf_map_attachment, dma_buf_unmap_attachment, dma_buf_map_attachment_unlocked,
  dma_buf_unmap_attachment_unlocked, dma_buf_move_notify, type dma_buf, type dma_buf_attachment,
} from '../linux/dma-buf.js';
import { dma_resv_lock, dma_resv_unlock } from '../linux/dma-resv.js';
import { DMA_BIDIRECTIONAL } from '../linux/dma-mapping.js';
import { iosys_map } from '../linux/iosys-map.js';
import { device } from '../linux/device.js';
import { close_fd, O_CLOEXEC } from '../linux/file.js';
import type { sg_table } from '../linux/scatterlist.js';
import { system_heap_allocate } from '../drivers/system-heap.js';
import { vram_bo_export, type vram_bo } from '../drivers/vram.js';
import type { DmaBufMachineEvent } from './dma-buf.machine.js';
import type { DmaBufAttachmentMachineEvent } from './dma-buf-attachment.machine.js';

/** A buffer under test and what the caller holds: pointer references, fds, the vmap, open CPU accesses. */
export interface DmaBufWorld {
  buf: dma_buf;
  held: number;
  fds: number[];
  map: iosys_map;
  cpu: number;
  published: boolean;
}

/** Export a system-heap buffer of 8192 bytes: the object the dma_buf machine starts from (after `export`). */
export function dma_buf_world(): DmaBufWorld {
  return dma_buf_world_of(system_heap_allocate(8192) as dma_buf);
}

/** The world around a buffer some other code exported: its one reference, no fds, no vmap yet. */
export function dma_buf_world_of(buf: dma_buf): DmaBufWorld {
  return { buf, held: 1, fds: [], map: new iosys_map(), cpu: 0, published: false };
}

function drop_one(w: DmaBufWorld): void {
  if (w.held > 0) {
    w.held--;
    dma_buf_put(w.buf);
  } else close_fd(w.fds.pop()!);
}

/** dma_buf machine event → model call. */
export const dma_buf_event_table: Record<DmaBufMachineEvent['type'], (w: DmaBufWorld) => void> = {
  fd: (w) => {
    w.fds.push(dma_buf_fd(w.buf, O_CLOEXEC));
    w.held--;
    w.published = true;
  },
  get: (w) => {
    if (w.fds.length) dma_buf_get(w.fds[0]!);
    else get_dma_buf(w.buf);
    w.held++;
  },
  put: drop_one,
  release: drop_one,
  vmap: (w) => dma_buf_vmap_unlocked(w.buf, w.map),
  vmap_get: (w) => dma_buf_vmap_unlocked(w.buf, w.map),
  vunmap_put: (w) => dma_buf_vunmap_unlocked(w.buf, w.map),
  vunmap: (w) => dma_buf_vunmap_unlocked(w.buf, w.map),
  begin_cpu_access: (w) => {
    dma_buf_begin_cpu_access(w.buf, DMA_BIDIRECTIONAL);
    w.cpu++;
  },
  end_cpu_access: (w) => {
    dma_buf_end_cpu_access(w.buf, DMA_BIDIRECTIONAL);
    w.cpu--;
  },
};

/** The machine state and counters the model object is in. */
export function dma_buf_state(w: DmaBufWorld): { value: unknown; refs: number; vmaps: number } {
  if (w.buf.__kfreed) return { value: 'released', refs: 0, vmaps: 0 };
  return {
    value: {
      live: {
        refs: w.published ? 'shared' : 'exported',
        vmap: w.buf.vmapping_counter > 0 ? 'mapped' : 'unmapped',
        cpu: w.cpu > 0 ? 'accessing' : 'idle',
      },
    },
    refs: dma_buf_refcount(w.buf),
    vmaps: w.buf.vmapping_counter,
  };
}

/** An attachment under test: importer kind, exporter kind, the mappings the importer owns. */
export interface AttachmentWorld {
  buf: dma_buf;
  attach: dma_buf_attachment;
  dynamic: boolean;
  exporter_dynamic: boolean;
  sgts: sg_table[];
  invalid: boolean;
}

/**
 * Export a buffer (VRAM, dynamic; or system heap, static) and attach a static or
 * dynamic (peer-to-peer capable, so VRAM is reachable without a move) importer.
 * Returns the world and the machine input matching what attach already did.
 */
export function attachment_world(dynamic: boolean, exporter_dynamic: boolean): AttachmentWorld {
  const buf = (exporter_dynamic ? vram_bo_export(8192) : system_heap_allocate(8192)) as dma_buf;
  const w = { buf, dynamic, exporter_dynamic, sgts: [], invalid: false } as unknown as AttachmentWorld;
  const dev = new device(dynamic ? 'gpu0' : 'display0');
  const ops = {
    allow_peer2peer: true,
    move_notify: () => {
      if (w.sgts.length || w.attach.sgt) w.invalid = true;
    },
  };
  const a = dynamic ? dma_buf_dynamic_attach(buf, dev, ops, w) : dma_buf_attach(buf, dev);
  if (IS_ERR(a)) throw new Error(`attach failed: ${String(a)}`);
  w.attach = a;
  return w;
}

/**
 * The world around an attachment some other code made: who is dynamic is read off the
 * attachment (importer ops) and the buffer (exporter pin), as dma_buf_attachment_is_dynamic() and
 * dma_buf_is_dynamic() do; no mappings are known to be held yet.
 */
export function attachment_world_of(attach: dma_buf_attachment): AttachmentWorld {
  return { buf: attach.dmabuf, attach, dynamic: Boolean(attach.importer_ops), exporter_dynamic: Boolean(attach.dmabuf.ops.pin), sgts: [], invalid: false };
}

function locked<T>(w: AttachmentWorld, fn: () => T): T {
  dma_resv_lock(w.buf.resv, null);
  try {
    return fn();
  } finally {
    dma_resv_unlock(w.buf.resv);
  }
}

/** dma_buf_attachment machine event → model call. */
export const dma_buf_attachment_event_table: Record<DmaBufAttachmentMachineEvent['type'], (w: AttachmentWorld) => void> = {
  pin: (w) => locked(w, () => dma_buf_pin(w.attach)),
  unpin: (w) => locked(w, () => dma_buf_unpin(w.attach)),
  map: (w) => {
    const sgt = w.dynamic
      ? locked(w, () => dma_buf_map_attachment(w.attach, DMA_BIDIRECTIONAL))
      : dma_buf_map_attachment_unlocked(w.attach, DMA_BIDIRECTIONAL);
    if (!IS_ERR(sgt) && sgt !== w.attach.sgt) w.sgts.push(sgt);
    if (!IS_ERR(sgt)) w.invalid = false;
  },
  unmap: (w) => {
    const sgt = w.sgts.pop()!;
    if (w.dynamic) locked(w, () => dma_buf_unmap_attachment(w.attach, sgt, DMA_BIDIRECTIONAL));
    else dma_buf_unmap_attachment_unlocked(w.attach, sgt, DMA_BIDIRECTIONAL);
  },
  move_notify: (w) => locked(w, () => dma_buf_move_notify(w.buf)),
  detach: (w) => dma_buf_detach(w.buf, w.attach),
};

/** The machine state and counters the model attachment is in. */
export function attachment_state(w: AttachmentWorld): { value: unknown; pins: number; maps: number; cached: boolean } {
  if (w.attach.__kfreed) return { value: 'detached', pins: 0, maps: 0, cached: false };
  const pins = w.exporter_dynamic ? (w.buf.priv as vram_bo).pin_count : 0;
  const mapped = w.sgts.length > 0 || !!w.attach.sgt;
  return {
    value: { attached: { pin: pins > 0 ? 'pinned' : 'unpinned', mapping: mapped ? (w.invalid ? 'invalidated' : 'mapped') : 'unmapped' } },
    pins,
    maps: w.sgts.length,
    cached: !!w.attach.sgt,
  };
}
