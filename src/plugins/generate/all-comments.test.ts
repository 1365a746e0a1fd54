/**
 * Proof, on the whole cached tree rather than a sample, that no kernel character can break the
 * MDX compile: every kernel-doc comment of every `.c`/`.h` under `drivers/dma-buf/` and `include/`
 * goes through the site's pipeline (parser → RST → docutils → MDX) and every resulting file
 * compiles with the same MDX compiler Docusaurus uses.
 */
import { compile } from '@mdx-js/mdx';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseKernelDoc, renderBodyRst } from '../../kerneldoc/index.ts';
import type { KdocItem } from '../../kerneldoc/types.ts';
import { parseRst } from '../rst/docutils.ts';
import { siteInline } from './body-rst.ts';
import { itemOptions, registryContext, renderWithBodies } from './page.ts';
import { renderItem } from './render-item.ts';
import { SymbolRegistry, symbolAnchor } from './xref.ts';

const tree = process.env.DMABUF_KERNEL_TREE!;

function sources(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(path.join(tree, d), { withFileTypes: true })) {
      const rel = path.join(d, e.name);
      if (e.isDirectory()) walk(rel);
      else if (/\.[ch]$/.test(e.name)) out.push(rel);
    }
  };
  walk(dir);
  return out.sort();
}

describe('every kernel-doc comment of the tree compiles as MDX', () => {
  it('drivers/dma-buf and include', { timeout: 900_000 }, async () => {
    const files = [...sources('drivers/dma-buf'), ...sources('include')];
    expect(files.length).toBeGreaterThan(1000);
    const route = '/all';
    const registry = new SymbolRegistry();
    const parsed: { file: string; items: KdocItem[] }[] = [];
    let comments = 0;
    for (const file of files) {
      const items = parseKernelDoc(fs.readFileSync(path.join(tree, file), 'utf8'), file).items;
      comments += items.length;
      for (const i of items) {
        if (i.kind !== 'doc') registry.add({ name: i.name, kind: i.kind, page: route, anchor: symbolAnchor(i.name), purpose: i.purpose, file, line: i.line });
        if (i.kind === 'struct' || i.kind === 'union') for (const p of i.params) registry.addMember(i.name, p.name, route);
      }
      if (items.length) parsed.push({ file, items });
    }
    expect(comments).toBeGreaterThan(5000);
    const notes: string[] = [];
    const chunks = new Map<string, string>();
    renderWithBodies(
      (body) => {
        for (const { file, items } of parsed) {
          chunks.set(file, items.map((it) => renderItem(it, itemOptions(4, body, registry, route))).join('\n\n'));
        }
        return '';
      },
      (b) => renderBodyRst(b, siteInline),
      (inputs) => parseRst(inputs).results,
      (level) => registryContext(registry, route, level, notes),
    );
    const failures: string[] = [];
    for (const [file, mdx] of chunks) {
      try {
        await compile(mdx);
      } catch (e) {
        failures.push(`${file}: ${(e as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
    expect([...new Set(notes.filter((n) => n.startsWith('unhandled')))]).toEqual([]);
  });
});
