/**
 * The structures of `linux/dma-buf.h` (v6.12): `dma_buf_ops`,
 * `dma_buf_attach_ops`, `dma_buf`, `dma_buf_attachment`, `dma_buf_export_info`.
 * The functions are in dma-buf.ts (which re-exports these).
 * @module
 */
import type { ErrPtr } from '../kernel/err.js';
import type { dma_resv } from './dma-resv.js';
import type { device } from './device.js';
import type { sg_table } from './scatterlist.js';
import { iosys_map } from './iosys-map.js';
import { DMA_NONE, type dma_data_direction } from './dma-mapping.js';
import type { file } from './file.js';

/** `struct vm_area_struct`, reduced: a user mapping (addresses in bytes). */
export class vm_area_struct {
  constructor(
    /** Start address, bytes. */
    public vm_start = 0,
    /** End address (exclusive), bytes. */
    public vm_end = 4096,
    /** Offset into the file, pages of 4096 bytes. */
    public vm_pgoff = 0,
  ) {}
  /** The file backing the mapping (dma_buf_mmap sets it to the dma-buf's file). */
  vm_file: file | null = null;
}

/** `vma_pages(vma)`: pages of 4096 bytes covered by `vma`. */
export function vma_pages(vma: vm_area_struct): number {
  return (vma.vm_end - vma.vm_start) >>> 12;
}

/**
 * `struct dma_buf_ops`: what an exporter implements. `map_dma_buf`,
 * `unmap_dma_buf` and `release` are required (dma_buf_export fails with -EINVAL
 * otherwise); `pin` and `unpin` come as a pair and make the exporter dynamic.
 * Locking: attach, detach, release, begin/end_cpu_access and mmap are called
 * without the reservation lock; pin, unpin, map/unmap_dma_buf, vmap and vunmap
 * with it held.
 */
export interface dma_buf_ops {
  /** Cache the first mapping of each attachment (map returns it again, unmap keeps it until detach). Not allowed with pin/unpin. */
  cache_sgt_mapping?: boolean;
  /** A device attaches. Return 0 or a negative errno (e.g. -EBUSY if the device can't reach the memory). */
  attach?(dmabuf: dma_buf, attach: dma_buf_attachment): number;
  /** A device detaches. */
  detach?(dmabuf: dma_buf, attach: dma_buf_attachment): void;
  /** Pin the backing storage in place for `attach` (dynamic exporters). Return 0 or a negative errno. */
  pin?(attach: dma_buf_attachment): number;
  /** Undo pin(). */
  unpin?(attach: dma_buf_attachment): void;
  /** Map the buffer for the attachment's device: an sg_table, an ERR_PTR, or null (treated as -ENOMEM). */
  map_dma_buf?(attach: dma_buf_attachment, dir: dma_data_direction): sg_table | ErrPtr | null;
  /** Undo map_dma_buf(). */
  unmap_dma_buf?(attach: dma_buf_attachment, sgt: sg_table, dir: dma_data_direction): void;
  /** The last reference is gone: free the backing storage. */
  release?(dmabuf: dma_buf): void;
  /** Prepare for CPU access. Return 0 or a negative errno. */
  begin_cpu_access?(dmabuf: dma_buf, dir: dma_data_direction): number;
  /** CPU access done. Return 0 or a negative errno. */
  end_cpu_access?(dmabuf: dma_buf, dir: dma_data_direction): number;
  /** Map into user space. Return 0 or a negative errno. */
  mmap?(dmabuf: dma_buf, vma: vm_area_struct): number;
  /** Map into kernel address space: fill `map`, return 0 or a negative errno. */
  vmap?(dmabuf: dma_buf, map: iosys_map): number;
  /** Undo vmap(). */
  vunmap?(dmabuf: dma_buf, map: iosys_map): void;
  /**
   * RFC proposal (`proposals.rfc_get_pfn`), not in any released kernel: give the
   * pfn backing page `pgoff` and the largest order of contiguous pages there.
   * Return 0 or a negative errno.
   */
  get_pfn?(attach: dma_buf_attachment, pgoff: number, pfn: { value: number }, max_order: { value: number }): number;
}

/** `struct dma_buf_attach_ops`: what a dynamic importer passes to dma_buf_dynamic_attach(). */
export interface dma_buf_attach_ops {
  /** The importer can handle peer-to-peer (non-struct-page) mappings. */
  allow_peer2peer?: boolean;
  /**
   * The exporter is moving the buffer: invalidate mappings, they must be re-made
   * on next use. Called with the reservation lock held. Required in 6.12.
   */
  move_notify?(attach: dma_buf_attachment): void;
}

/** `struct dma_buf_export_info`: arguments of dma_buf_export(). */
export class dma_buf_export_info {
  /** Exporter name (KBUILD_MODNAME). */
  exp_name = 'sandbox';
  /** Module owner (modelled as a name; a module that is gone makes export fail with -ENOENT). */
  owner: string | null = null;
  /** The exporter's operations. */
  ops: dma_buf_ops | null = null;
  /** Size in bytes. Not validated by dma_buf_export. */
  size = 0;
  /** File flags (O_RDWR, O_CLOEXEC ...). */
  flags = 0;
  /** A shared reservation object, or null to embed a new one. */
  resv: dma_resv | null = null;
  /** Exporter private data. Required. */
  priv: unknown = null;
}

/** `struct dma_buf`. Created by dma_buf_export(). */
export class dma_buf {
  /** Size in bytes. */
  size = 0;
  /** The anon file whose reference count is the buffer's. */
  file: file | null = null;
  /** Attached devices, newest first. */
  attachments: dma_buf_attachment[] = [];
  /** Exporter operations. */
  ops: dma_buf_ops = {};
  /** Number of active vmaps. */
  vmapping_counter = 0;
  /** The shared kernel mapping while vmapping_counter > 0. */
  vmap_ptr = new iosys_map();
  /** Exporter name. */
  exp_name = '';
  /** User-set name (DMA_BUF_SET_NAME), or null. */
  name: string | null = null;
  /** Module owner. */
  owner: string | null = null;
  /** Exporter private data. */
  priv: unknown = null;
  /** The reservation object (embedded or shared). */
  resv: dma_resv = null as unknown as dma_resv;
  /** @internal true when resv is embedded (finalised at release). */
  __own_resv = false;
  /** @internal model id */
  __id = 0;
  /** @internal */
  __kfreed = false;
  /** @internal */
  __kfreed_by?: string;
}

/** `struct dma_buf_attachment`. Created by dma_buf_attach()/dma_buf_dynamic_attach(). */
export class dma_buf_attachment {
  /** The buffer. */
  dmabuf: dma_buf = null as unknown as dma_buf;
  /** The importing device (null only under the get_pfn RFC). */
  dev: device | null = null;
  /** Cached mapping, or null. */
  sgt: sg_table | null = null;
  /** Direction of the cached mapping. */
  dir: dma_data_direction = DMA_NONE;
  /** The importer accepts peer-to-peer mappings. */
  peer2peer = false;
  /** Importer operations; non-null means a dynamic importer. */
  importer_ops: dma_buf_attach_ops | null = null;
  /** Importer private data. */
  importer_priv: unknown = null;
  /** Exporter private data for this attachment. */
  priv: unknown = null;
  /** @internal model id */
  __id = 0;
  /** @internal */
  __kfreed = false;
  /** @internal */
  __kfreed_by?: string;
}

/**
 * `DEFINE_DMA_BUF_EXPORT_INFO(name)`: an export info with exp_name set to the
 * module name (here `sandbox`, or the given name) and the rest zeroed.
 * Mirrors `include/linux/dma-buf.h: DEFINE_DMA_BUF_EXPORT_INFO, v6.12`.
 */
export function DEFINE_DMA_BUF_EXPORT_INFO(exp_name = 'sandbox'): dma_buf_export_info {
  const e = new dma_buf_export_info();
  e.exp_name = exp_name;
  return e;
}

/** True when the exporter is dynamic (has pin). Mirrors `include/linux/dma-buf.h: dma_buf_is_dynamic, v6.12`. */
export function dma_buf_is_dynamic(dmabuf: dma_buf): boolean {
  return !!dmabuf.ops.pin;
}

/** True when the importer is dynamic (has importer_ops). Mirrors `include/linux/dma-buf.h: dma_buf_attachment_is_dynamic, v6.12`. */
export function dma_buf_attachment_is_dynamic(attach: dma_buf_attachment): boolean {
  return !!attach.importer_ops;
}
