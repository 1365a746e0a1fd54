import { describe, it, expect } from 'vitest';
import { boot } from '../kernel/kernel.js';
import { dma_fence_unwrap_subtests, dma_fence_unwrap_selftest } from './st-dma-fence-unwrap.js';

describe('st-dma-fence-unwrap', () => {
  for (const t of dma_fence_unwrap_subtests) {
    it(t.name, () => {
      const k = boot();
      expect(t.func(undefined)).toBe(0);
      expect(k.oops).toBeUndefined();
      expect(k.log.texts().filter((l) => l.startsWith('WARNING') || l.startsWith('BUG'))).toEqual([]);
    });
  }
  it('dma_fence_unwrap (whole group)', () => {
    boot();
    expect(dma_fence_unwrap_selftest()).toBe(0);
  });
});
