/**
 * Every example runs as a test: its console output and the kernel log lines
 * it produces are asserted, and its trace must be accepted by the lifecycle
 * machines (conformance direction 2).
 */
import { describe, it, expect, vi } from 'vitest';
import { boot } from '../kernel/kernel.js';
import { accept_trace } from '../machines/trace-check.js';
import * as exporter_basics from './exporter-basics.ts';
import * as dynamic_importer_move from './dynamic-importer-move.ts';
import * as common_mistakes from './common-mistakes.ts';

function run(main: () => number, config = {}) {
  const k = boot({ trace_capacity: 1 << 16, ...config });
  const out: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  try {
    const { result, oops } = k.run(() => main());
    return { result, oops, out, dmesg: k.log.texts(), checked: accept_trace(k.trace.events()) };
  } finally {
    spy.mockRestore();
  }
}

describe('examples', () => {
  it('exporter-basics', () => {
    const r = run(exporter_basics.main);
    expect(r.result).toBe(0);
    expect(r.out).toEqual(['exported 16384 bytes, refs=1', 'fd=3, refs=1', 'same buffer: true, refs=2', 'released: true']);
    expect(r.dmesg).toEqual([]);
    expect(r.checked.dma_buf).toBeGreaterThan(2);
  });

  it('dynamic-importer-move', () => {
    const r = run(dynamic_importer_move.main, { CONFIG_DMABUF_MOVE_NOTIFY: true });
    expect(r.result).toBe(0);
    expect(r.out[1]).toBe('move_notify seen: 1');
    expect(r.out[0]).not.toBe(r.out[2].replace('re-mapped', 'mapped'));
    expect(r.dmesg).toEqual([]);
    expect(r.checked.dma_buf_attachment).toBeGreaterThan(3);
  });

  it('common-mistakes', () => {
    const r = run(common_mistakes.main);
    expect(r.result).toBe(0);
    expect(r.out).toEqual(['dma_fence_add_callback: -ENOENT']);
    expect(r.dmesg.some((l) => l.startsWith('WARNING:') && l.includes('dma_buf_map_attachment'))).toBe(true);
    expect(r.checked.dma_fence).toBeGreaterThan(0);
  });
});
