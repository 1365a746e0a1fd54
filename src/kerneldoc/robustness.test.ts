/**
 * Robustness: the parser runs over every `.c`/`.h` under `include/` and `drivers/dma-buf/` of the
 * cached tree without throwing, in reasonable time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kernelTree } from './kernel-tree.test-util.js';
import { parseKernelDoc } from './parser.js';
import { renderKernelDoc } from './output.js';

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.[ch]$/.test(e.name)) out.push(p);
  }
  return out;
}

describe('robustness over the cached tree', () => {
  it('parses and renders every .c/.h under include/ and drivers/dma-buf/ without throwing', () => {
    const tree = kernelTree();
    const files = [...walk(join(tree, 'include')), ...walk(join(tree, 'drivers/dma-buf'))];
    expect(files.length).toBeGreaterThan(50);
    const failures: string[] = [];
    let bytes = 0;
    let items = 0;
    const t0 = performance.now();
    for (const f of files) {
      const rel = relative(tree, f);
      try {
        const text = readFileSync(f, 'latin1');
        bytes += text.length;
        const parsed = parseKernelDoc(text, rel);
        items += parsed.items.length;
        renderKernelDoc([parsed], { format: 'rst', mode: 'all' });
      } catch (e) {
        failures.push(`${rel}: ${(e as Error).stack}`);
      }
    }
    const seconds = (performance.now() - t0) / 1000;
    expect(failures).toEqual([]);
    expect(items).toBeGreaterThan(100);
    // Generous bound: well under perl's time even on a loaded machine (~1 MB/s floor).
    expect(seconds).toBeLessThan(Math.max(30, bytes / 1e6));
  });
});
