/**
 * The dma-buf locking convention of Linux 6.12 as data: the single source for
 * every lock check the model makes about the reservation lock.
 *
 * Paraphrased from the "locking convention" DOC section of
 * `drivers/dma-buf/dma-buf.c` (v6.12).
 * @module
 */

/** Importer-side functions that must be called with the buffer's reservation lock held. */
export const IMPORTER_MUST_HOLD = [
  'dma_buf_pin',
  'dma_buf_unpin',
  'dma_buf_map_attachment',
  'dma_buf_unmap_attachment',
  'dma_buf_vmap',
  'dma_buf_vunmap',
] as const;

/** Importer-side functions that must be called without the reservation lock (many take it themselves). */
export const IMPORTER_MUST_NOT_HOLD = [
  'dma_buf_attach',
  'dma_buf_dynamic_attach',
  'dma_buf_detach',
  'dma_buf_export',
  'dma_buf_fd',
  'dma_buf_get',
  'dma_buf_put',
  'dma_buf_mmap',
  'dma_buf_begin_cpu_access',
  'dma_buf_end_cpu_access',
  'dma_buf_map_attachment_unlocked',
  'dma_buf_unmap_attachment_unlocked',
  'dma_buf_vmap_unlocked',
  'dma_buf_vunmap_unlocked',
] as const;

/** `dma_buf_ops` callbacks invoked without the reservation lock; the exporter may take it. */
export const EXPORTER_CALLED_UNLOCKED = ['attach', 'detach', 'release', 'begin_cpu_access', 'end_cpu_access', 'mmap'] as const;

/** `dma_buf_ops` callbacks invoked with the reservation lock held; the exporter must not take it. */
export const EXPORTER_CALLED_LOCKED = ['pin', 'unpin', 'map_dma_buf', 'unmap_dma_buf', 'vmap', 'vunmap'] as const;

/** Functions an exporter must call with the reservation lock held. */
export const EXPORTER_MUST_HOLD = ['dma_buf_move_notify'] as const;

/** Importer-side calls covered by the convention. */
export type dma_buf_locked_call = (typeof IMPORTER_MUST_HOLD)[number] | (typeof IMPORTER_MUST_NOT_HOLD)[number] | (typeof EXPORTER_MUST_HOLD)[number];

/** The rule text for a call, as printed in lockdep-style reports. */
export function dma_buf_lock_rule(fn: string): string | undefined {
  if ((IMPORTER_MUST_HOLD as readonly string[]).includes(fn))
    return `importers must hold the dma-buf reservation lock when calling ${fn}()`;
  if ((IMPORTER_MUST_NOT_HOLD as readonly string[]).includes(fn))
    return `importers must not hold the dma-buf reservation lock when calling ${fn}()`;
  if ((EXPORTER_MUST_HOLD as readonly string[]).includes(fn))
    return `exporters must hold the dma-buf reservation lock when calling ${fn}()`;
  return undefined;
}

/** The rule text for an exporter callback, as printed in lockdep-style reports. */
export function dma_buf_op_rule(op: string): string | undefined {
  if ((EXPORTER_CALLED_LOCKED as readonly string[]).includes(op))
    return `dma_buf_ops.${op}() is invoked with the reservation lock held: the exporter can't take it`;
  if ((EXPORTER_CALLED_UNLOCKED as readonly string[]).includes(op))
    return `dma_buf_ops.${op}() is invoked without the reservation lock: the exporter may take it`;
  return undefined;
}
