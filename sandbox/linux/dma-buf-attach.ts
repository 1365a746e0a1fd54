/**
 * Attachments and mappings of `drivers/dma-buf/dma-buf.c` (v6.12):
 * attach/dynamic_attach, detach, pin/unpin, map/unmap (+ `_unlocked`),
 * move_notify, and the get_pfn RFC.
 *
 * Importer × exporter matrix (6.12, CONFIG_DMABUF_MOVE_NOTIFY as configured):
 * - static importer, static exporter: nothing at attach; each map goes to the
 *   exporter (cached if `cache_sgt_mapping`); map waits for KERNEL fences.
 * - static importer, dynamic exporter: at attach the buffer is pinned and mapped
 *   DMA_BIDIRECTIONAL under the lock and cached; map returns the cached table
 *   (-EBUSY for a conflicting direction), unmap of it is a no-op, unpin at detach.
 * - dynamic importer, static exporter: mapped DMA_BIDIRECTIONAL at attach and cached.
 * - dynamic importer, dynamic exporter: nothing at attach; with MOVE_NOTIFY off
 *   every map pins and every unmap unpins; with it on, nothing is pinned and the
 *   importer must handle move_notify.
 * @module
 */
import { K } from '../kernel/current.js';
import { ERR_PTR, IS_ERR, PTR_ERR, type ErrPtr } from '../kernel/err.js';
import { EBUSY, EINVAL, ENOENT, ENOMEM } from '../kernel/errno.js';
import { WARN_ON } from '../kernel/bug.js';
import { kasan_check, kfree } from '../kernel/kasan.js';
import { might_sleep } from '../kernel/lockdep.js';
import { MAX_SCHEDULE_TIMEOUT } from '../kernel/clock.js';
import * as dma_resv_h from './dma-resv.js';
import { DMA_RESV_USAGE_KERNEL } from './dma-resv.js';
import { DMA_BIDIRECTIONAL, dma_dir_name, type dma_data_direction } from './dma-mapping.js';
import type { device } from './device.js';
import type { sg_table } from './scatterlist.js';
import {
  dma_buf_attachment, dma_buf_is_dynamic, dma_buf_attachment_is_dynamic, type dma_buf, type dma_buf_attach_ops,
} from './dma-buf-types.js';
import { dma_buf_lock_rule } from './dma-buf-locking.js';
import { call, call_op, check_not_held, state, with_rule } from './dma-buf-internal.js';

// Bound once at load rather than read per call: where the model runs as CommonJS
// (tsx), each use of a name dma-resv.ts re-exports from its parts is a chain of
// export getters; map/unmap take and drop the reservation lock on every call.
const { dma_resv_lock, dma_resv_unlock, dma_resv_wait_timeout, dma_resv_assert_held } = dma_resv_h;

const B = 'drivers/dma-buf/dma-buf.c';

function mangle_sg_table(sgt: sg_table): void {
  if (!K().config.CONFIG_DMABUF_DEBUG) return;
  for (const sg of sgt.sgl) sg.page_link ^= ~0xff;
}

function __map_dma_buf(attach: dma_buf_attachment, direction: dma_data_direction): sg_table | ErrPtr | null {
  const dmabuf = attach.dmabuf;
  const sgt = call_op(dmabuf, 'map_dma_buf', attach.__id, () => dmabuf.ops.map_dma_buf!(attach, direction));
  if (!sgt || IS_ERR(sgt)) return sgt;
  if (!dma_buf_attachment_is_dynamic(attach)) {
    const ret = dma_resv_wait_timeout(dmabuf.resv, DMA_RESV_USAGE_KERNEL, true, MAX_SCHEDULE_TIMEOUT);
    if (ret < 0) {
      call_op(dmabuf, 'unmap_dma_buf', attach.__id, () => dmabuf.ops.unmap_dma_buf!(attach, sgt, direction));
      return ERR_PTR(ret);
    }
  }
  mangle_sg_table(sgt);
  return sgt;
}

function __unmap_dma_buf(attach: dma_buf_attachment, sgt: sg_table, direction: dma_data_direction): void {
  mangle_sg_table(sgt);
  const dmabuf = attach.dmabuf;
  call_op(dmabuf, 'unmap_dma_buf', attach.__id, () => dmabuf.ops.unmap_dma_buf!(attach, sgt, direction));
}

function op_pin(attach: dma_buf_attachment): number {
  const dmabuf = attach.dmabuf;
  const r = call_op(dmabuf, 'pin', attach.__id, () => dmabuf.ops.pin!(attach));
  if (!r) state('dma_buf_attachment', 'pin', attach.__id);
  return r;
}

function op_unpin(attach: dma_buf_attachment): void {
  const dmabuf = attach.dmabuf;
  call_op(dmabuf, 'unpin', attach.__id, () => dmabuf.ops.unpin!(attach));
  state('dma_buf_attachment', 'unpin', attach.__id);
}

function ptr_ret(v: unknown): number | string {
  return IS_ERR(v) ? `ERR_PTR(${PTR_ERR(v)})` : 0;
}

/**
 * Attach `dev` to `dmabuf`, as a dynamic importer when `importer_ops` is given.
 * Returns the attachment or an ERR_PTR:
 * - WARN and -EINVAL when `dmabuf` or `dev` is missing (RFC get_pfn: `dev` may be
 *   missing when the exporter has no map_dma_buf);
 * - WARN and -EINVAL when `importer_ops` lacks move_notify;
 * - the exporter's attach() error (e.g. -EBUSY);
 * - for a static/dynamic mismatch, the pin or map error (-ENOMEM for a NULL
 *   table, a wait error such as -ERESTARTSYS); the attachment is then detached.
 * Takes the reservation lock itself: calling it with the lock held deadlocks
 * (lockdep report and oops). Exporter attach() runs unlocked; pin and
 * map_dma_buf at attach run locked.
 * Mirrors `drivers/dma-buf/dma-buf.c: dma_buf_dynamic_attach, v6.12`.
 */
export function dma_buf_dynamic_attach(
  dmabuf: dma_buf | null,
  dev: device | null,
  importer_ops: dma_buf_attach_ops | null,
  importer_priv: unknown,
): dma_buf_attachment | ErrPtr {
  const fn = importer_ops ? 'dma_buf_dynamic_attach' : 'dma_buf_attach';
  const k = K();
  const rfc = k.config.proposals.rfc_get_pfn;
  if (rfc) {
    if (WARN_ON(!dmabuf, [B, 912, 'dma_buf_dynamic_attach'])) return ERR_PTR(-EINVAL);
    if (WARN_ON(dmabuf!.ops.map_dma_buf && !dev, [B, 915, 'dma_buf_dynamic_attach'])) return ERR_PTR(-EINVAL);
  } else if (WARN_ON(!dmabuf || !dev, [B, 910, 'dma_buf_dynamic_attach'])) return ERR_PTR(-EINVAL);
  if (WARN_ON(importer_ops && !importer_ops.move_notify, [B, 913, 'dma_buf_dynamic_attach'])) return ERR_PTR(-EINVAL);
  const buf = dmabuf!;
  kasan_check(buf, fn);
  check_not_held(fn, buf);

  const attach = new dma_buf_attachment();
  attach.__id = k.nextId();
  attach.dev = dev;
  attach.dmabuf = buf;
  if (importer_ops) attach.peer2peer = !!importer_ops.allow_peer2peer;
  attach.importer_ops = importer_ops;
  attach.importer_priv = importer_priv;

  if (buf.ops.attach) {
    const ret = call_op(buf, 'attach', attach.__id, () => buf.ops.attach!(buf, attach));
    if (ret) {
      kfree(attach, fn);
      call(fn, 'dma_buf', buf.__id, `ERR_PTR(${ret})`);
      return ERR_PTR(ret);
    }
  }
  with_rule(fn, () => dma_resv_lock(buf.resv, null));
  buf.attachments.unshift(attach);
  dma_resv_unlock(buf.resv);
  const dyn_imp = dma_buf_attachment_is_dynamic(attach);
  const dyn_exp = dma_buf_is_dynamic(buf);
  state('dma_buf_attachment', 'attach', attach.__id, { dynamic: dyn_imp, exporter_dynamic: dyn_exp, cached: dyn_imp !== dyn_exp });

  if (dyn_imp !== dyn_exp) {
    let sgt: sg_table | ErrPtr | null = null;
    dma_resv_lock(buf.resv, null);
    let ret = 0;
    let failed: 'unlock' | 'unpin' | null = null;
    if (dyn_exp) {
      ret = op_pin(attach);
      if (ret) failed = 'unlock';
    }
    if (!failed && (!rfc || buf.ops.map_dma_buf)) {
      sgt = __map_dma_buf(attach, DMA_BIDIRECTIONAL);
      if (!sgt) sgt = ERR_PTR(-ENOMEM);
      if (IS_ERR(sgt)) {
        ret = PTR_ERR(sgt);
        failed = 'unpin';
      }
    }
    if (failed) {
      if (failed === 'unpin' && dyn_exp) op_unpin(attach);
      dma_resv_unlock(buf.resv);
      dma_buf_detach(buf, attach);
      call(fn, 'dma_buf', buf.__id, `ERR_PTR(${ret})`);
      return ERR_PTR(ret);
    }
    dma_resv_unlock(buf.resv);
    attach.sgt = sgt as sg_table | null;
    attach.dir = DMA_BIDIRECTIONAL;
    if (sgt) state('dma_buf_attachment', 'map', attach.__id, { dir: 'DMA_BIDIRECTIONAL', cached: true });
  }
  call(fn, 'dma_buf', buf.__id, 0);
  return attach;
}

/**
 * Attach a static importer: dma_buf_dynamic_attach(dmabuf, dev, NULL, NULL).
 * Mirrors `drivers/dma-buf/dma-buf.c: dma_buf_attach, v6.12`.
 */
export function dma_buf_attach(dmabuf: dma_buf | null, dev: device | null): dma_buf_attachment | ErrPtr {
  return dma_buf_dynamic_attach(dmabuf, dev, null, null);
}

/**
 * Detach and free `attach`. WARN and return when either is missing or `attach`
 * belongs to another buffer. Unmaps a cached table (and unpins for a dynamic
 * exporter) under the lock, which it takes itself; the exporter's detach() runs
 * unlocked. Using the attachment afterwards is a use-after-free.
 * Mirrors `drivers/dma-buf/dma-buf.c: dma_buf_detach, v6.12`.
 */
export function dma_buf_detach(dmabuf: dma_buf | null, attach: dma_buf_attachment | null): void {
  if (WARN_ON(!dmabuf || !attach || dmabuf !== attach.dmabuf, [B, 1017, 'dma_buf_detach'])) return;
  const buf = dmabuf!;
  const at = attach!;
  kasan_check(at, 'dma_buf_detach');
  kasan_check(buf, 'dma_buf_detach');
  check_not_held('dma_buf_detach', buf);
  with_rule('dma_buf_detach', () => dma_resv_lock(buf.resv, null));
  if (at.sgt) {
    __unmap_dma_buf(at, at.sgt, at.dir);
    state('dma_buf_attachment', 'unmap', at.__id, { cached: true });
    if (dma_buf_is_dynamic(buf)) op_unpin(at);
  }
  const i = buf.attachments.indexOf(at);
  if (i >= 0) buf.attachments.splice(i, 1);
  dma_resv_unlock(buf.resv);
  if (buf.ops.detach) call_op(buf, 'detach', at.__id, () => buf.ops.detach!(buf, at));
  state('dma_buf_attachment', 'detach', at.__id);
  call('dma_buf_detach', 'dma_buf', buf.__id);
  kfree(at, 'dma_buf_detach');
}

/**
 * Pin the buffer for a dynamic importer; lock held. Returns 0 or the exporter's
 * error (0 if the exporter has no pin). WARNs (and continues) for a static importer.
 * Mirrors `drivers/dma-buf/dma-buf.c: dma_buf_pin, v6.12`.
 */
export function dma_buf_pin(attach: dma_buf_attachment): number {
  kasan_check(attach, 'dma_buf_pin');
  const dmabuf = attach.dmabuf;
  WARN_ON(!dma_buf_attachment_is_dynamic(attach), [B, 1059, 'dma_buf_pin']);
  dma_resv_assert_held(dmabuf.resv, [B, 1061, 'dma_buf_pin'], dma_buf_lock_rule('dma_buf_pin'));
  let ret = 0;
  if (dmabuf.ops.pin) ret = op_pin(attach);
  call('dma_buf_pin', 'dma_buf_attachment', attach.__id, ret);
  return ret;
}

/**
 * Undo dma_buf_pin(); lock held. WARNs for a static importer.
 * Mirrors `drivers/dma-buf/dma-buf.c: dma_buf_unpin, v6.12`.
 */
export function dma_buf_unpin(attach: dma_buf_attachment): void {
  kasan_check(attach, 'dma_buf_unpin');
  const dmabuf = attach.dmabuf;
  WARN_ON(!dma_buf_attachment_is_dynamic(attach), [B, 1082, 'dma_buf_unpin']);
  dma_resv_assert_held(dmabuf.resv, [B, 1084, 'dma_buf_unpin'], dma_buf_lock_rule('dma_buf_unpin'));
  if (dmabuf.ops.unpin) op_unpin(attach);
  call('dma_buf_unpin', 'dma_buf_attachment', attach.__id);
}

/**
 * Map the buffer for the attachment's device; the reservation lock must be held
 * (lockdep WARNING otherwise). Returns the sg_table or an ERR_PTR:
 * - WARN and -EINVAL for a missing attachment (RFC: or an exporter without map);
 * - -EBUSY when a cached table exists with a different, non-BIDIRECTIONAL direction;
 * - the pin error (dynamic exporter, MOVE_NOTIFY off), the exporter's map error,
 *   -ENOMEM for a NULL table, or the KERNEL-fence wait error for static importers.
 * With a cached table it returns that same table. May sleep.
 * Mirrors `drivers/dma-buf/dma-buf.c: dma_buf_map_attachment, v6.12`.
 */
export function dma_buf_map_attachment(attach: dma_buf_attachment | null, direction: dma_data_direction): sg_table | ErrPtr {
  might_sleep([B, 1118, 'dma_buf_map_attachment']);
  const k = K();
  const rfc = k.config.proposals.rfc_get_pfn;
  if (WARN_ON(!attach || !attach.dmabuf || (rfc && !attach.dmabuf.ops.map_dma_buf), [B, 1120, 'dma_buf_map_attachment']))
    return ERR_PTR(-EINVAL);
  const at = attach!;
  kasan_check(at, 'dma_buf_map_attachment');
  const dmabuf = at.dmabuf;
  dma_resv_assert_held(dmabuf.resv, [B, 1123, 'dma_buf_map_attachment'], dma_buf_lock_rule('dma_buf_map_attachment'));
  const dir = dma_dir_name(direction);
  if (at.sgt) {
    if (at.dir !== direction && at.dir !== DMA_BIDIRECTIONAL) {
      call('dma_buf_map_attachment', 'dma_buf_attachment', at.__id, `ERR_PTR(${-EBUSY})`);
      return ERR_PTR(-EBUSY);
    }
    state('dma_buf_attachment', 'map', at.__id, { dir, cached: true });
    call('dma_buf_map_attachment', 'dma_buf_attachment', at.__id, 0);
    return at.sgt;
  }
  const pin_on_map = dma_buf_is_dynamic(dmabuf) && !k.config.CONFIG_DMABUF_MOVE_NOTIFY;
  if (pin_on_map) {
    const r = op_pin(at);
    if (r) {
      call('dma_buf_map_attachment', 'dma_buf_attachment', at.__id, `ERR_PTR(${r})`);
      return ERR_PTR(r);
    }
  }
  let sgt = __map_dma_buf(at, direction);
  if (!sgt) sgt = ERR_PTR(-ENOMEM);
  if (IS_ERR(sgt) && pin_on_map) op_unpin(at);
  if (!IS_ERR(sgt)) {
    if (dmabuf.ops.cache_sgt_mapping) {
      at.sgt = sgt;
      at.dir = direction;
    }
    state('dma_buf_attachment', 'map', at.__id, { dir, cached: !!dmabuf.ops.cache_sgt_mapping });
  }
  call('dma_buf_map_attachment', 'dma_buf_attachment', at.__id, ptr_ret(sgt));
  return sgt;
}

/**
 * dma_buf_map_attachment() taking and dropping the lock itself; must be called
 * without it (deadlock report and oops otherwise). WARN and -EINVAL for a missing attachment.
 * Mirrors `drivers/dma-buf/dma-buf.c: dma_buf_map_attachment_unlocked, v6.12`.
 */
export function dma_buf_map_attachment_unlocked(attach: dma_buf_attachment | null, direction: dma_data_direction): sg_table | ErrPtr {
  might_sleep([B, 1194, 'dma_buf_map_attachment_unlocked']);
  const rfc = K().config.proposals.rfc_get_pfn;
  if (WARN_ON(!attach || !attach.dmabuf || (rfc && !attach.dmabuf.ops.map_dma_buf), [B, 1196, 'dma_buf_map_attachment_unlocked']))
    return ERR_PTR(-EINVAL);
  const at = attach!;
  kasan_check(at, 'dma_buf_map_attachment_unlocked');
  check_not_held('dma_buf_map_attachment_unlocked', at.dmabuf);
  with_rule('dma_buf_map_attachment_unlocked', () => dma_resv_lock(at.dmabuf.resv, null));
  const sgt = dma_buf_map_attachment(at, direction);
  dma_resv_unlock(at.dmabuf.resv);
  return sgt;
}

/**
 * Unmap a table from dma_buf_map_attachment(); lock held. WARN and return for a
 * missing attachment or table. Unmapping the cached table does nothing (it lives
 * until detach). With a dynamic exporter and MOVE_NOTIFY off it unpins
 * (through dma_buf_unpin, which WARNs for a static importer). May sleep.
 * Mirrors `drivers/dma-buf/dma-buf.c: dma_buf_unmap_attachment, v6.12`.
 */
export function dma_buf_unmap_attachment(attach: dma_buf_attachment | null, sg_table: sg_table | null, direction: dma_data_direction): void {
  might_sleep([B, 1221, 'dma_buf_unmap_attachment']);
  const rfc = K().config.proposals.rfc_get_pfn;
  if (WARN_ON(!attach || !attach.dmabuf || (rfc && !attach.dmabuf.ops.unmap_dma_buf) || !sg_table, [B, 1223, 'dma_buf_unmap_attachment'])) return;
  const at = attach!;
  kasan_check(at, 'dma_buf_unmap_attachment');
  const dmabuf = at.dmabuf;
  dma_resv_assert_held(dmabuf.resv, [B, 1226, 'dma_buf_unmap_attachment'], dma_buf_lock_rule('dma_buf_unmap_attachment'));
  call('dma_buf_unmap_attachment', 'dma_buf_attachment', at.__id);
  if (at.sgt === sg_table) return;
  __unmap_dma_buf(at, sg_table!, direction);
  state('dma_buf_attachment', 'unmap', at.__id, { cached: false });
  if (dma_buf_is_dynamic(dmabuf) && !K().config.CONFIG_DMABUF_MOVE_NOTIFY) dma_buf_unpin(at);
}

/**
 * dma_buf_unmap_attachment() taking the lock itself; must be called without it.
 * Mirrors `drivers/dma-buf/dma-buf.c: dma_buf_unmap_attachment_unlocked, v6.12`.
 */
export function dma_buf_unmap_attachment_unlocked(attach: dma_buf_attachment | null, sg_table: sg_table | null, direction: dma_data_direction): void {
  might_sleep([B, 1253, 'dma_buf_unmap_attachment_unlocked']);
  const rfc = K().config.proposals.rfc_get_pfn;
  if (WARN_ON(!attach || !attach.dmabuf || (rfc && !attach.dmabuf.ops.unmap_dma_buf) || !sg_table, [B, 1255, 'dma_buf_unmap_attachment_unlocked'])) return;
  const at = attach!;
  kasan_check(at, 'dma_buf_unmap_attachment_unlocked');
  check_not_held('dma_buf_unmap_attachment_unlocked', at.dmabuf);
  with_rule('dma_buf_unmap_attachment_unlocked', () => dma_resv_lock(at.dmabuf.resv, null));
  dma_buf_unmap_attachment(at, sg_table, direction);
  dma_resv_unlock(at.dmabuf.resv);
}

/**
 * Tell every dynamic importer that the buffer moves: calls each attachment's
 * importer_ops.move_notify (static attachments are skipped), newest attachment
 * first. The exporter must hold the reservation lock (lockdep WARNING otherwise).
 * Mirrors `drivers/dma-buf/dma-buf.c: dma_buf_move_notify, v6.12`.
 */
export function dma_buf_move_notify(dmabuf: dma_buf): void {
  kasan_check(dmabuf, 'dma_buf_move_notify');
  dma_resv_assert_held(dmabuf.resv, [B, 1276, 'dma_buf_move_notify'], dma_buf_lock_rule('dma_buf_move_notify'));
  call('dma_buf_move_notify', 'dma_buf', dmabuf.__id);
  for (const attach of [...dmabuf.attachments]) {
    if (attach.importer_ops) {
      state('dma_buf_attachment', 'move_notify', attach.__id);
      K().trace.emit('callback', 'dma_buf_attach_ops.move_notify', 'dma_buf_attachment', attach.__id);
      attach.importer_ops.move_notify!(attach);
    }
  }
}

/**
 * RFC proposal (`proposals.rfc_get_pfn`; not in any released kernel): the pfn of
 * page `pgoff` (pages of 4096 bytes) and the largest contiguous order there,
 * from the exporter's get_pfn under the reservation lock (taken here; no fence
 * wait). WARN and -EINVAL for a missing attachment/buffer/get_pfn; -ENOENT for a
 * dynamic exporter with MOVE_NOTIFY off; -EINVAL when the proposal is not enabled.
 * Mirrors `[RFC PATCH 01/12] dma-buf: Introduce dma_buf_get_pfn_unlocked() kAPI` (2025).
 */
export function dma_buf_get_pfn_unlocked(
  attach: dma_buf_attachment | null, pgoff: number, pfn: { value: number }, max_order: { value: number },
): number {
  const k = K();
  if (!k.config.proposals.rfc_get_pfn) return -EINVAL;
  if (WARN_ON(!attach || !attach.dmabuf || !attach.dmabuf.ops.get_pfn, [B, 1290, 'dma_buf_get_pfn_unlocked'])) return -EINVAL;
  const at = attach!;
  kasan_check(at, 'dma_buf_get_pfn_unlocked');
  if (dma_buf_is_dynamic(at.dmabuf) && !k.config.CONFIG_DMABUF_MOVE_NOTIFY) return -ENOENT;
  dma_resv_lock(at.dmabuf.resv, null);
  const ret = call_op(at.dmabuf, 'get_pfn', at.__id, () => at.dmabuf.ops.get_pfn!(at, pgoff, pfn, max_order));
  dma_resv_unlock(at.dmabuf.resv);
  call('dma_buf_get_pfn_unlocked', 'dma_buf_attachment', at.__id, ret);
  return ret;
}

