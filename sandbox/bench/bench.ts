/**
 * Benchmark of the model (not a test). Prints: the ported selftest suite
 * time, fence signal-with-callback ops/s, attach/map/unmap/detach cycles/s,
 * and heap use over 10 million operations (trace and log are bounded rings).
 *
 *   npm run bench:model
 * @module
 */
import { boot } from '../kernel/kernel.js';
import { dma_fence, dma_fence_cb, dma_fence_init, dma_fence_add_callback, dma_fence_signal, spinlock_t, type dma_fence_ops } from '../linux/dma-fence.js';
import { dma_buf_attach, dma_buf_detach, dma_buf_map_attachment_unlocked, dma_buf_unmap_attachment_unlocked, type dma_buf, type dma_buf_attachment } from '../linux/dma-buf.js';
import { DMA_TO_DEVICE } from '../linux/dma-mapping.js';
import { device } from '../linux/device.js';
import type { sg_table } from '../linux/scatterlist.js';
import { system_heap_allocate } from '../drivers/system-heap.js';
import { dma_fence_subtests } from '../selftests/st-dma-fence.js';
import { dma_resv_selftest } from '../selftests/st-dma-resv.js';
import { dma_fence_chain_subtests } from '../selftests/st-dma-fence-chain.js';
import { dma_fence_unwrap_subtests } from '../selftests/st-dma-fence-unwrap.js';

const ops: dma_fence_ops = { get_driver_name: () => 'bench', get_timeline_name: () => 'bench', release: () => {} };
const now = () => performance.now();
const gc = (globalThis as { gc?: () => void }).gc;
const heapMB = () => {
  gc?.();
  return process.memoryUsage().heapUsed / 1048576;
};

/** Wall time per subtest of the last suite() run, ms. */
const perTest = new Map<string, number>();

function suite(): number {
  perTest.clear();
  const t0 = now();
  for (const t of [...dma_fence_subtests, ...dma_fence_chain_subtests, ...dma_fence_unwrap_subtests]) {
    const t1 = now();
    boot();
    if (t.func(undefined)) throw new Error(t.name);
    perTest.set(t.name, (perTest.get(t.name) ?? 0) + now() - t1);
  }
  boot();
  if (dma_resv_selftest()) throw new Error('dma_resv');
  return now() - t0;
}

function fences(n: number): number {
  boot();
  const lock = new spinlock_t();
  const cb = new dma_fence_cb();
  let seen = 0;
  const fn = () => {
    seen++;
  };
  const f = new dma_fence();
  const t0 = now();
  for (let i = 0; i < n; i++) {
    dma_fence_init(f, ops, lock, 1, i);
    dma_fence_add_callback(f, cb, fn);
    dma_fence_signal(f);
  }
  const dt = now() - t0;
  if (seen !== n) throw new Error('callbacks lost');
  return (n / dt) * 1000;
}

function cycles(n: number): number {
  boot();
  const buf = system_heap_allocate(65536) as dma_buf;
  const dev = new device('bench0');
  const t0 = now();
  for (let i = 0; i < n; i++) {
    const a = dma_buf_attach(buf, dev) as dma_buf_attachment;
    const sgt = dma_buf_map_attachment_unlocked(a, DMA_TO_DEVICE) as sg_table;
    dma_buf_unmap_attachment_unlocked(a, sgt, DMA_TO_DEVICE);
    dma_buf_detach(buf, a);
  }
  return (n / (now() - t0)) * 1000;
}

const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
suite(); // warm up
const suiteMs = suite();
fences(200_000);
const fps = fences(2_000_000);
cycles(20_000);
const cps = cycles(200_000);
console.log(`selftest suite (st-dma-fence, -chain, -unwrap, st-dma-resv): ${suiteMs.toFixed(1)} ms  (target < 2000 ms)`);
const slowest = [...perTest.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3);
console.log(`  slowest subtests: ${slowest.map(([n, ms]) => `${n} ${ms.toFixed(0)} ms`).join(', ')}`);
console.log(`fence signal-with-callback: ${fmt(fps)} ops/s  (target >= 1,000,000)`);
console.log(`attach/map/unmap/detach: ${fmt(cps)} cycles/s  (target >= 100,000)`);

// memory over 10M operations: 8M fence ops + 2M attachment-cycle operations (500k cycles x 4 calls)
const m0 = heapMB();
const samples: string[] = [];
for (let round = 0; round < 5; round++) {
  fences(1_600_000);
  cycles(100_000);
  samples.push(heapMB().toFixed(1));
}
console.log(`heap over 10M ops (MB after each 2M): start ${m0.toFixed(1)} -> ${samples.join(' -> ')}${gc ? '' : '  (run with node --expose-gc for exact figures)'}`);
