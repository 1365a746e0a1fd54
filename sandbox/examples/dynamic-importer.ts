/**
 * Example: a dynamic importer survives a move. The VRAM exporter evicts the
 * buffer; move_notify tells the importer, which re-maps on next use and sees
 * new DMA addresses.
 */
import { IS_ERR, PTR_ERR } from '../linux/err.ts';
import { dma_buf_put, type dma_buf } from '../linux/dma-buf.ts';
import { device } from '../linux/device.ts';
import { sg_dma_address } from '../linux/scatterlist.ts';
import { vram_bo_export, vram_evict, type vram_bo } from '../drivers/vram.ts';
import { dynamic_importer_import, dynamic_importer_get_sgt, dynamic_importer_release } from '../drivers/importers.ts';

export function main(): number {
  const buf = vram_bo_export(8192) as dma_buf;
  const gpu = dynamic_importer_import(buf, new device('gpu1'), { p2p: true });
  if (IS_ERR(gpu)) return PTR_ERR(gpu);

  let sgt = dynamic_importer_get_sgt(gpu);
  if (IS_ERR(sgt)) return PTR_ERR(sgt);
  console.log(`mapped at 0x${sg_dma_address(sgt.sgl[0]!).toString(16)}`);

  vram_evict(buf.priv as vram_bo); // exporter moves the buffer, calls move_notify
  console.log(`move_notify seen: ${gpu.invalidations}`);

  sgt = dynamic_importer_get_sgt(gpu); // unmap the stale table, map again
  if (IS_ERR(sgt)) return PTR_ERR(sgt);
  console.log(`re-mapped at 0x${sg_dma_address(sgt.sgl[0]!).toString(16)}`);

  dynamic_importer_release(gpu);
  dma_buf_put(buf);
  return 0;
}
