import { describe, it, expect } from 'vitest';
import { boot } from '../kernel/kernel.js';
import { dma_resv_usage_subtests, dma_resv_sanitycheck, dma_resv_selftest, DMA_RESV_USAGES } from './st-dma-resv.js';

const names = ['KERNEL', 'WRITE', 'READ', 'BOOKKEEP'];
describe('st-dma-resv', () => {
  it('sanitycheck', () => {
    boot();
    expect(dma_resv_sanitycheck.func(undefined)).toBe(0);
  });
  for (const usage of DMA_RESV_USAGES)
    for (const t of dma_resv_usage_subtests)
      it(`${t.name} (DMA_RESV_USAGE_${names[usage]})`, () => {
        const k = boot();
        expect(t.func(usage)).toBe(0);
        expect(k.log.texts().filter((l) => l.startsWith('WARNING') || l.startsWith('BUG'))).toEqual([]);
      });
  it('dma_resv (whole group)', () => {
    boot();
    expect(dma_resv_selftest()).toBe(0);
  });
});
