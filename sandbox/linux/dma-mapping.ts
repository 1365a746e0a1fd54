/**
 * `linux/dma-mapping.h` and `linux/dma-direction.h`, reduced: the mapping
 * direction and mapping an sg_table into a device's DMA address space.
 * @module
 */
import type { device } from './device.js';
import { PAGE_SIZE } from './device.js';
import type { sg_table } from './scatterlist.js';

/** `enum dma_data_direction`. */
export enum dma_data_direction {
  /** Device may read and write. */
  DMA_BIDIRECTIONAL = 0,
  /** Device reads (CPU → device). */
  DMA_TO_DEVICE = 1,
  /** Device writes (device → CPU). */
  DMA_FROM_DEVICE = 2,
  /** Invalid. */
  DMA_NONE = 3,
}
export const DMA_BIDIRECTIONAL = dma_data_direction.DMA_BIDIRECTIONAL;
export const DMA_TO_DEVICE = dma_data_direction.DMA_TO_DEVICE;
export const DMA_FROM_DEVICE = dma_data_direction.DMA_FROM_DEVICE;
export const DMA_NONE = dma_data_direction.DMA_NONE;

/** Short direction name for traces. */
export function dma_dir_name(dir: dma_data_direction): string {
  return ['DMA_BIDIRECTIONAL', 'DMA_TO_DEVICE', 'DMA_FROM_DEVICE', 'DMA_NONE'][dir] ?? `dir ${dir}`;
}

/**
 * Map every segment of `sgt` for `dev`: assigns bus addresses from the device's
 * IOVA window (page aligned). Returns 0. Mirrors `kernel/dma/mapping.c: dma_map_sgtable, v6.12` (simulated).
 */
export function dma_map_sgtable(dev: device, sgt: sg_table, dir: dma_data_direction, attrs = 0): number {
  void dir;
  void attrs;
  for (const sg of sgt.sgl) {
    sg.dma_address = dev.next_iova;
    sg.dma_length = sg.length;
    dev.next_iova += Math.ceil(sg.length / PAGE_SIZE) * PAGE_SIZE;
  }
  sgt.nents = sgt.orig_nents;
  return 0;
}

/** Undo dma_map_sgtable() (addresses are not reused). Mirrors `kernel/dma/mapping.c: dma_unmap_sgtable, v6.12` (simulated). */
export function dma_unmap_sgtable(dev: device, sgt: sg_table, dir: dma_data_direction, attrs = 0): void {
  void dev;
  void dir;
  void attrs;
  for (const sg of sgt.sgl) {
    sg.dma_address = 0;
    sg.dma_length = 0;
  }
}
