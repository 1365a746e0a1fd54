/**
 * `linux/dma-buf.h` and `drivers/dma-buf/dma-buf.c` (v6.12): sharing buffers
 * between devices. This module holds the buffer's life (export, fd, get, put,
 * release) and re-exports the rest: attachments and mappings
 * (dma-buf-attach.ts), CPU access, mmap and vmap (dma-buf-access.ts), the
 * structures (dma-buf-types.ts) and the locking convention (dma-buf-locking.ts).
 *
 * Reference counting: a dma_buf's references are its file's. Export returns
 * one; dma_buf_fd() moves it into an fd; dma_buf_get() and get_dma_buf() add
 * one; dma_buf_put() and closing the fd drop one. The last drop releases the
 * buffer (dma_buf_ops.release), BUGs on an outstanding vmap and WARNs on
 * remaining attachments.
 * @module
 */
import { K } from '../kernel/current.js';
import { ERR_PTR, PTR_ERR, IS_ERR, type ErrPtr } from '../kernel/err.js';
import { EBADF, EINVAL, ENOENT } from '../kernel/errno.js';
import { WARN_ON, BUG_ON } from '../kernel/bug.js';
import { kasan_check, kfree } from '../kernel/kasan.js';
import { dma_resv, dma_resv_init, dma_resv_fini } from './dma-resv.js';
import { file, fget, fput, get_file, get_unused_fd_flags, fd_install, O_ACCMODE, O_NONBLOCK } from './file.js';
import { dma_buf, type dma_buf_export_info } from './dma-buf-types.js';
import { call, call_op, check_not_held, state } from './dma-buf-internal.js';

export * from './dma-buf-types.js';
export * from './dma-buf-attach.js';
export * from './dma-buf-access.js';
export * from './dma-buf-locking.js';

const B = 'drivers/dma-buf/dma-buf.c';

/** Modules that have been unloaded: exporting with such an owner fails with -ENOENT (try_module_get). */
export const unloaded_modules = new Set<string>();

function dma_buf_release(dmabuf: dma_buf): void {
  BUG_ON(dmabuf.vmapping_counter, [B, 92, 'dma_buf_release']);
  state('dma_buf', 'release', dmabuf.__id);
  call_op(dmabuf, 'release', dmabuf.__id, () => dmabuf.ops.release!(dmabuf));
  if (dmabuf.__own_resv) dma_resv_fini(dmabuf.resv);
  WARN_ON(dmabuf.attachments.length > 0, [B, 107, 'dma_buf_release']);
  kfree(dmabuf, 'dma_buf_release');
}

/**
 * Create a dma_buf around exporter data and ops; returns it with one reference,
 * or an ERR_PTR:
 * - WARN and -EINVAL if `priv`, `ops`, `ops.map_dma_buf`, `ops.unmap_dma_buf` or
 *   `ops.release` is missing (under the get_pfn RFC: map and unmap both or
 *   neither, and map or get_pfn present);
 * - WARN and -EINVAL if `cache_sgt_mapping` is combined with pin/unpin;
 * - WARN and -EINVAL if only one of pin/unpin is set;
 * - -ENOENT if the owner module is gone.
 * `size` (bytes) is not validated. Must not be called with the reservation lock held.
 * Mirrors `drivers/dma-buf/dma-buf.c: dma_buf_export, v6.12`.
 */
export function dma_buf_export(exp_info: dma_buf_export_info): dma_buf | ErrPtr {
  const k = K();
  const ops = exp_info.ops;
  if (exp_info.resv) check_not_held('dma_buf_export', { resv: exp_info.resv } as dma_buf);
  const rfc = k.config.proposals.rfc_get_pfn;
  const missing = rfc
    ? !exp_info.priv || !ops || !!ops.map_dma_buf !== !!ops.unmap_dma_buf || (!ops.map_dma_buf && !ops.get_pfn) || !ops.release
    : !exp_info.priv || !ops || !ops.map_dma_buf || !ops.unmap_dma_buf || !ops.release;
  if (WARN_ON(missing, [B, 632, 'dma_buf_export'])) return ret(ERR_PTR(-EINVAL));
  if (WARN_ON(ops!.cache_sgt_mapping && (ops!.pin || ops!.unpin), [B, 638, 'dma_buf_export'])) return ret(ERR_PTR(-EINVAL));
  if (WARN_ON(!ops!.pin !== !ops!.unpin, [B, 642, 'dma_buf_export'])) return ret(ERR_PTR(-EINVAL));
  if (exp_info.owner && unloaded_modules.has(exp_info.owner)) return ret(ERR_PTR(-ENOENT));

  const f = new file('dma_buf');
  f.f_flags = exp_info.flags & (O_ACCMODE | O_NONBLOCK);
  const dmabuf = new dma_buf();
  dmabuf.priv = exp_info.priv;
  dmabuf.ops = ops!;
  dmabuf.size = exp_info.size;
  dmabuf.exp_name = exp_info.exp_name;
  dmabuf.owner = exp_info.owner;
  dmabuf.__id = k.nextId();
  if (!exp_info.resv) {
    dmabuf.resv = new dma_resv();
    dma_resv_init(dmabuf.resv);
    dmabuf.__own_resv = true;
  } else dmabuf.resv = exp_info.resv;
  f.private_data = dmabuf;
  f.release = () => dma_buf_release(dmabuf);
  f.put_hook = (refs) => state('dma_buf', 'put', dmabuf.__id, { refs });
  dmabuf.file = f;
  state('dma_buf', 'export', dmabuf.__id, { size: dmabuf.size, dynamic: !!ops!.pin });
  return ret(dmabuf);

  function ret<T extends dma_buf | ErrPtr>(v: T): T {
    call('dma_buf_export', 'dma_buf', IS_ERR(v) ? 0 : (v as dma_buf).__id, IS_ERR(v) ? `ERR_PTR(${PTR_ERR(v)})` : 0);
    return v;
  }
}

/**
 * Install the buffer's file in a new fd and return it; the caller's reference
 * moves into the fd (no new one is taken). -EINVAL (no WARN) for a missing buffer.
 * Mirrors `drivers/dma-buf/dma-buf.c: dma_buf_fd, v6.12`.
 */
export function dma_buf_fd(dmabuf: dma_buf | null, flags: number): number {
  if (!dmabuf || !dmabuf.file) return -EINVAL;
  kasan_check(dmabuf, 'dma_buf_fd');
  check_not_held('dma_buf_fd', dmabuf);
  const fd = get_unused_fd_flags(flags);
  fd_install(fd, dmabuf.file);
  state('dma_buf', 'fd', dmabuf.__id, { fd });
  call('dma_buf_fd', 'dma_buf', dmabuf.__id, fd);
  return fd;
}

/**
 * The dma_buf behind `fd`, with a new reference; ERR_PTR(-EBADF) for a closed
 * fd, ERR_PTR(-EINVAL) for an fd that is not a dma-buf.
 * Mirrors `drivers/dma-buf/dma-buf.c: dma_buf_get, v6.12`.
 */
export function dma_buf_get(fd: number): dma_buf | ErrPtr {
  const f = fget(fd);
  if (!f) return ERR_PTR(-EBADF);
  if (f.kind !== 'dma_buf') {
    fput(f);
    return ERR_PTR(-EINVAL);
  }
  const dmabuf = f.private_data as dma_buf;
  check_not_held('dma_buf_get', dmabuf);
  state('dma_buf', 'get', dmabuf.__id, { refs: f.f_count });
  call('dma_buf_get', 'dma_buf', dmabuf.__id, 0);
  return dmabuf;
}

/**
 * Drop a reference; the last one releases the buffer. WARN and no-op for a
 * missing buffer or file; KASAN oops for a freed one.
 * Mirrors `drivers/dma-buf/dma-buf.c: dma_buf_put, v6.12`.
 */
export function dma_buf_put(dmabuf: dma_buf | null): void {
  if (WARN_ON(!dmabuf || !dmabuf.file, [B, 769, 'dma_buf_put'])) return;
  kasan_check(dmabuf!, 'dma_buf_put');
  check_not_held('dma_buf_put', dmabuf);
  const f = dmabuf!.file!;
  call('dma_buf_put', 'dma_buf', dmabuf!.__id);
  fput(f);
}

/**
 * Take a reference (no checks). Mirrors `include/linux/dma-buf.h: get_dma_buf, v6.12`.
 */
export function get_dma_buf(dmabuf: dma_buf): void {
  kasan_check(dmabuf, 'get_dma_buf');
  get_file(dmabuf.file!);
  state('dma_buf', 'get', dmabuf.__id, { refs: dmabuf.file!.f_count });
}

/** Number of references (the file count), for tests and the UI. */
export function dma_buf_refcount(dmabuf: dma_buf): number {
  return dmabuf.file ? dmabuf.file.f_count : 0;
}

export { file };
