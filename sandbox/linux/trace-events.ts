/**
 * The trace vocabulary of the dma-buf model: object classes and the lifecycle
 * (`state`) event names each class emits. The lifecycle machines in
 * `sandbox/machines` use exactly these names as their event types.
 * @module
 */
export type { TraceEvent, TraceKind } from '../kernel/trace.js';

/** Lifecycle events of a `struct dma_fence`. */
export const DMA_FENCE_EVENTS = [
  /** dma_fence_init(): the fence exists, pending, refcount 1. */
  'init',
  /** Software signalling was enabled (enable_sw_signaling, add_callback, wait). */
  'enable_signaling',
  /** A callback was queued (dma_fence_add_callback returned 0). */
  'add_callback',
  /** A queued callback was removed (dma_fence_remove_callback returned true). */
  'remove_callback',
  /** dma_fence_set_error() stored an error. */
  'set_error',
  /** The fence signaled (args.error: its error, 0 for none); queued callbacks ran. */
  'signal',
  /** The last reference was dropped: release ran. */
  'release',
] as const;
/** A dma_fence lifecycle event name. */
export type DmaFenceEvent = (typeof DMA_FENCE_EVENTS)[number];

/** Lifecycle events of a `struct dma_buf`. */
export const DMA_BUF_EVENTS = [
  /** dma_buf_export(): created with one file reference. */
  'export',
  /** dma_buf_fd(): the caller's reference moved into an fd. */
  'fd',
  /** A file reference was taken (dma_buf_get, get_dma_buf). */
  'get',
  /** A file reference was dropped (dma_buf_put, close of an fd) and others remain. */
  'put',
  /** The last file reference was dropped: dma_buf_ops.release ran. */
  'release',
  /** The vmap count went from 0 to 1 (dma_buf_ops.vmap ran). */
  'vmap',
  /** The vmap count went up while already mapped. */
  'vmap_get',
  /** The vmap count went down but stays above 0. */
  'vunmap_put',
  /** The vmap count reached 0 (dma_buf_ops.vunmap ran). */
  'vunmap',
  /** dma_buf_begin_cpu_access() succeeded. */
  'begin_cpu_access',
  /** dma_buf_end_cpu_access() was called. */
  'end_cpu_access',
] as const;
/** A dma_buf lifecycle event name. */
export type DmaBufEvent = (typeof DMA_BUF_EVENTS)[number];

/** Lifecycle events of a `struct dma_buf_attachment`. */
export const DMA_BUF_ATTACHMENT_EVENTS = [
  /** Attached. args: dynamic (importer), exporter_dynamic, cached (sg_table cached at attach), pinned. */
  'attach',
  /** The exporter pinned the buffer for this attachment (dma_buf_ops.pin returned 0). */
  'pin',
  /** The exporter unpinned it (dma_buf_ops.unpin). */
  'unpin',
  /** A mapping was created or the cached one returned. args: dir, cached. */
  'map',
  /** A mapping was torn down (not for the cached one). */
  'unmap',
  /** move_notify was delivered to the importer: its mappings are invalid. */
  'move_notify',
  /** Detached and freed. */
  'detach',
] as const;
/** A dma_buf_attachment lifecycle event name. */
export type DmaBufAttachmentEvent = (typeof DMA_BUF_ATTACHMENT_EVENTS)[number];
