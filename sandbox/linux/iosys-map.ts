/**
 * `linux/iosys-map.h`, reduced: a kernel virtual address of system or I/O memory.
 * @module
 */

/** `struct iosys_map`. An address of 0 is NULL. */
export class iosys_map {
  /** Kernel virtual address (system memory), 0 if none. */
  vaddr = 0;
  /** Kernel virtual address (I/O memory), 0 if none. */
  vaddr_iomem = 0;
  /** True when the address is I/O memory. */
  is_iomem = false;
}

/** `IOSYS_MAP_INIT_VADDR(addr)`. */
export function IOSYS_MAP_INIT_VADDR(vaddr: number): iosys_map {
  const m = new iosys_map();
  m.vaddr = vaddr;
  return m;
}

/** `iosys_map_set_vaddr(map, vaddr)`. */
export function iosys_map_set_vaddr(map: iosys_map, vaddr: number): void {
  map.vaddr = vaddr;
  map.vaddr_iomem = 0;
  map.is_iomem = false;
}

/** `iosys_map_set_vaddr_iomem(map, vaddr)`. */
export function iosys_map_set_vaddr_iomem(map: iosys_map, vaddr: number): void {
  map.vaddr_iomem = vaddr;
  map.vaddr = 0;
  map.is_iomem = true;
}

/** `iosys_map_is_null(map)`. */
export function iosys_map_is_null(map: iosys_map): boolean {
  return map.is_iomem ? !map.vaddr_iomem : !map.vaddr;
}

/** `iosys_map_is_set(map)`. */
export function iosys_map_is_set(map: iosys_map): boolean {
  return !iosys_map_is_null(map);
}

/** `iosys_map_is_equal(a, b)`. */
export function iosys_map_is_equal(a: iosys_map, b: iosys_map): boolean {
  if (a.is_iomem !== b.is_iomem) return false;
  return a.is_iomem ? a.vaddr_iomem === b.vaddr_iomem : a.vaddr === b.vaddr;
}

/** `iosys_map_clear(map)`. */
export function iosys_map_clear(map: iosys_map): void {
  map.vaddr = 0;
  map.vaddr_iomem = 0;
  map.is_iomem = false;
}

/** Copy `src` into `dst` (`*dst = *src`). */
export function iosys_map_copy(dst: iosys_map, src: iosys_map): void {
  dst.vaddr = src.vaddr;
  dst.vaddr_iomem = src.vaddr_iomem;
  dst.is_iomem = src.is_iomem;
}
