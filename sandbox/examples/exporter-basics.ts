/**
 * Example: exporter basics. Export a buffer, publish it as an fd, take and drop
 * references, and watch the last reference release it.
 */
import { dma_buf_fd, dma_buf_get, dma_buf_put, dma_buf_refcount, type dma_buf } from '../linux/dma-buf.ts';
import { IS_ERR, PTR_ERR } from '../linux/err.ts';
import { O_CLOEXEC, close_fd } from '../linux/file.ts';
import { system_heap_allocate } from '../drivers/system-heap.ts';

export function main(): number {
  const buf = system_heap_allocate(16384);
  if (IS_ERR(buf)) return PTR_ERR(buf);
  console.log(`exported ${buf.size} bytes, refs=${dma_buf_refcount(buf)}`);

  const fd = dma_buf_fd(buf, O_CLOEXEC); // our reference moves into the fd
  console.log(`fd=${fd}, refs=${dma_buf_refcount(buf)}`);

  const imported = dma_buf_get(fd) as dma_buf; // an importer looks it up: +1
  console.log(`same buffer: ${imported === buf}, refs=${dma_buf_refcount(buf)}`);
  dma_buf_put(imported);

  close_fd(fd); // the last reference: dma_buf_ops.release runs
  console.log(`released: ${(buf.priv as { freed: boolean }).freed}`);
  return 0;
}
