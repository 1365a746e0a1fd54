import { compile } from '@mdx-js/mdx';
import { describe, expect, it } from 'vitest';
import { automarkup } from './automarkup.ts';
import { headingText, jsxAttr, jsxText } from './mdx-text.ts';
import { selectItems } from './select.ts';
import { SymbolRegistry } from './xref.ts';
import type { KdocFile, KdocItem } from '../../kerneldoc/types.ts';

const NASTY = 'a < b && c > d {x} } { \\ %ph -> `tick` *star* _u_ <lock> ${y} </div> & &amp; \u2028 [x](y) <!-- c -->';

describe('MDX text escaping', () => {
  it('keeps any kernel text literal through the MDX compiler', async () => {
    const mdx = `# ${headingText(NASTY)}\n\n<p>${jsxText(NASTY)}</p>\n\n<p${jsxAttr('title', NASTY)}>${jsxText('ok')}</p>\n`;
    const out = String(await compile(mdx));
    expect(out).toContain(JSON.stringify(NASTY).slice(1, 20));
  });

  it('escapes markdown in headings', () => {
    expect(headingText('a_b *c* {d} <e>')).toBe('a\\_b \\*c\\* \\{d\\} \\<e\\>');
  });
});

describe('automarkup', () => {
  it('links func() and struct names that resolve, leaves the rest', () => {
    const known = new Set(['dma_buf_attach', 'dma_buf']);
    const pieces = automarkup('call dma_buf_attach() on a struct dma_buf, not foo() or struct bar', (n) => known.has(n));
    expect(pieces).toEqual([
      { text: 'call ' },
      { ref: 'dma_buf_attach', kind: 'func', text: 'dma_buf_attach()' },
      { text: ' on a ' },
      { ref: 'dma_buf', kind: 'type', text: 'struct dma_buf' },
      { text: ', not foo() or struct bar' },
    ]);
  });
});

describe('symbol registry', () => {
  const reg = new SymbolRegistry();
  const base = { page: '/p', purpose: '', file: 'f.c', line: 1 };
  reg.add({ ...base, name: 'dma_buf_attach', kind: 'function', anchor: 'c.dma_buf_attach' });
  reg.add({ ...base, name: 'dma_buf_ops', kind: 'struct', anchor: 'c.dma_buf_ops' });
  reg.addMember('dma_buf_ops', 'map_dma_buf', '/p');
  it('resolves functions, types, members, with and without decorations', () => {
    expect(reg.resolve('dma_buf_attach()', 'func', '/p')).toBe('#c.dma_buf_attach');
    expect(reg.resolve('struct dma_buf_ops', 'type', '/q')).toBe('/p#c.dma_buf_ops');
    expect(reg.resolve('dma_buf_ops.map_dma_buf', 'member', '/p')).toBe('#c.dma_buf_ops.map_dma_buf');
    expect(reg.resolve('dma_buf_ops->map_dma_buf()', 'member', '/p')).toBe('#c.dma_buf_ops.map_dma_buf');
    expect(reg.resolve('dma_buf_ops.nope', 'member', '/p')).toBe('#c.dma_buf_ops');
    expect(reg.resolve('dma_buf_ops', 'func', '/p')).toBeUndefined();
    expect(reg.resolve('unknown', 'any', '/p')).toBeUndefined();
  });
});

describe('directive selection', () => {
  const item = (name: string, kind: KdocItem['kind'] = 'function'): KdocItem => ({ kind, name, file: 'f.c', line: 1, declLine: 2, purpose: '', params: [], sections: [], warnings: [] });
  const file: KdocFile = { file: 'f.c', items: [item('overview', 'doc'), item('a'), item('b'), item('s', 'struct')], exports: ['a'], warnings: [] };
  const names = (xs: KdocItem[]) => xs.map((x) => x.name);
  it('follows the kernel-doc directive options', () => {
    expect(names(selectItems(file, {}))).toEqual(['overview', 'a', 'b', 's']);
    expect(names(selectItems(file, { export: '' }))).toEqual(['a']);
    expect(names(selectItems(file, { internal: '' }))).toEqual(['b', 's']);
    expect(names(selectItems(file, { doc: 'overview' }))).toEqual(['overview']);
    expect(names(selectItems(file, { identifiers: 'b s' }))).toEqual(['b', 's']);
    expect(names(selectItems(file, { identifiers: '' }))).toEqual(['a', 'b', 's']);
    expect(names(selectItems(file, { functions: 'a' }))).toEqual(['a']);
    expect(names(selectItems(file, { 'no-identifiers': 'a overview' }))).toEqual(['b', 's']);
    expect(names(selectItems(file, { internal: 'g.c' }, () => ['b']))).toEqual(['s']);
  });
});
