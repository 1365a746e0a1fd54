import { describe, it, expect } from 'vitest';
import { boot } from '../kernel/kernel.js';
import { dma_fence_chain_subtests, dma_fence_chain_selftest } from './st-dma-fence-chain.js';

describe('st-dma-fence-chain', () => {
  for (const t of dma_fence_chain_subtests) {
    it(t.name, () => {
      const k = boot();
      expect(t.func(undefined)).toBe(0);
      expect(k.oops).toBeUndefined();
      expect(k.log.texts().filter((l) => l.startsWith('WARNING') || l.startsWith('BUG'))).toEqual([]);
    });
  }
  it('dma_fence_chain (whole group)', () => {
    boot();
    expect(dma_fence_chain_selftest()).toBe(0);
  });
});
