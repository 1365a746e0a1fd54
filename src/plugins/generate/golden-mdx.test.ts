/**
 * Golden fixtures, last leg: the parser's hand-written fixtures (`src/kerneldoc/fixtures/*.c|*.h`,
 * whose items are pinned by the parser's own golden test) → the MDX the site generates for them
 * (`fixtures/<name>.mdx` here), through docutils exactly as the page generator does. Refresh with
 * `UPDATE=1 npx vitest run src/plugins/generate/golden-mdx.test.ts` and review the diff.
 */
import { compile } from '@mdx-js/mdx';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseKernelDoc, renderBodyRst } from '../../kerneldoc/index.ts';
import { parseRst } from '../rst/docutils.ts';
import { siteInline } from './body-rst.ts';
import { itemOptions, registryContext, renderWithBodies } from './page.ts';
import { renderItem } from './render-item.ts';
import { SymbolRegistry, symbolAnchor } from './xref.ts';

const src = fileURLToPath(new URL('../../kerneldoc/fixtures/', import.meta.url));
const out = fileURLToPath(new URL('./fixtures/', import.meta.url));
const fixtures = readdirSync(src).filter((f) => /\.[ch]$/.test(f)).sort();

function renderFixture(file: string): string {
  const parsed = parseKernelDoc(readFileSync(join(src, file), 'latin1'), file);
  const route = '/fixture';
  const registry = new SymbolRegistry();
  for (const i of parsed.items) {
    if (i.kind === 'doc') continue;
    registry.add({ name: i.name, kind: i.kind, page: route, anchor: symbolAnchor(i.name), purpose: i.purpose, file, line: i.line });
    if (i.kind === 'struct' || i.kind === 'union') for (const p of i.params) registry.addMember(i.name, p.name, route);
  }
  const notes: string[] = [];
  const { mdx } = renderWithBodies(
    (body) => parsed.items.map((it) => renderItem(it, itemOptions(4, body, registry, route))).join('\n\n'),
    (b) => renderBodyRst(b, siteInline),
    (inputs) => parseRst(inputs).results,
    (level) => registryContext(registry, route, level, notes),
  );
  return `${mdx}\n`;
}

describe('fixtures → MDX', () => {
  it('has fixtures', () => expect(fixtures.length).toBeGreaterThanOrEqual(5));
  for (const f of fixtures) {
    it(`${f} → ${f}.mdx (and it compiles)`, async () => {
      const mdx = renderFixture(f);
      await compile(mdx);
      const path = join(out, `${f}.mdx`);
      if (process.env.UPDATE === '1' || !existsSync(path)) {
        writeFileSync(path, mdx);
        if (process.env.UPDATE !== '1') throw new Error(`golden file ${path} was missing; written, review and re-run`);
        return;
      }
      expect(mdx).toBe(readFileSync(path, 'utf8'));
    });
  }
});
