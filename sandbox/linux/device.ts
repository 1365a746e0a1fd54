/**
 * `linux/device.h`, reduced: a simulated device with its own DMA address space.
 *
 * Each device hands out bus addresses from its own IOVA window, so the same
 * pages get different DMA addresses on different devices, and new addresses
 * after the exporter moves the buffer.
 * @module
 */

/** Size of a page in bytes (`PAGE_SIZE`, x86-64). */
export const PAGE_SIZE = 4096;
/** log2(PAGE_SIZE). */
export const PAGE_SHIFT = 12;

/** `struct device`. Create with `new device('gpu0')`. */
export class device {
  /** Next free bus address of this device's IOVA window (bytes). */
  next_iova: number;
  /** True if the device sits on a bus that allows peer-to-peer DMA with other p2p devices. */
  p2p_capable: boolean;

  constructor(
    /** `dev_name(dev)`. */
    readonly init_name: string,
    opts: { iova_base?: number; p2p?: boolean } = {},
  ) {
    let h = 0;
    for (let i = 0; i < init_name.length; i++) h = (h * 131 + init_name.charCodeAt(i)) % 0xfff;
    this.next_iova = opts.iova_base ?? (0x1_0000_0000 + h * 0x1000_0000);
    this.p2p_capable = opts.p2p ?? false;
  }
}

/** `dev_name(dev)`. */
export function dev_name(dev: device | null): string {
  return dev ? dev.init_name : '(null)';
}
