import { compile } from '@mdx-js/mdx';
import { describe, expect, it } from 'vitest';
import { parseRst } from '../rst/docutils.ts';
import { renderBlocks, type RenderContext } from './render-doctree.ts';

function render(rst: string, known: Record<string, string> = {}): string {
  const [r] = parseRst([{ id: 'x', rst }]).results;
  const ctx: RenderContext = {
    baseLevel: 2,
    notes: [],
    resolve: (t) => known[t.replace(/\(\)$/, '').replace(/^(struct|enum|union|typedef) /, '')],
    label: (l) => (l === 'locking' ? { href: '#locking-convention', title: 'Locking convention' } : undefined),
    graph: (n) => `<KernelGraph svg={${JSON.stringify(`<svg>${String(n.a.source)}</svg>`)}} />`,
  };
  const out = renderBlocks(r.tree.c, ctx);
  expect(ctx.notes).toEqual([]);
  return out;
}

describe('reStructuredText → MDX', () => {
  it('renders sections with docutils ids, lists, literal and code blocks', async () => {
    const mdx = render(['Locking rules', '=============', '', '- one', '- ``two``', '', '1. first', '2. second', '', 'Code::', '', '   x = a < b;', '', '.. code-block:: c', '', '   int f(void) { return 0; }', ''].join('\n'));
    expect(mdx).toContain('## Locking rules {/* #locking-rules */}');
    expect(mdx).toContain('<ul>\n<li>{"one"}</li>\n<li><code>{"two"}</code></li>\n</ul>');
    expect(mdx).toContain('<ol type={"1"}>');
    expect(mdx).toContain('<CodeBlock language={"text"}>{"x = a < b;"}</CodeBlock>');
    expect(mdx).toContain('<CodeBlock language={"c"}>{"int f(void) { return 0; }"}</CodeBlock>');
    await compile(mdx);
  });

  it('renders tables, admonitions and definition lists', async () => {
    const mdx = render(['===== =====', 'A     B', '===== =====', '1     {2}', '===== =====', '', '.. note::', '', '   Careful <here>.', '', 'term', '   its meaning', ''].join('\n'));
    expect(mdx).toContain('<thead>\n<tr><th>{"A"}</th><th>{"B"}</th></tr>\n</thead>');
    expect(mdx).toContain('<td>{"{2}"}</td>');
    expect(mdx).toContain('<Admonition type={"note"}>');
    expect(mdx).toContain('<p>{"Careful <here>."}</p>');
    expect(mdx).toContain('<dt>{"term"}</dt>');
    await compile(mdx);
  });

  it('links C-domain roles and :ref: labels that resolve, renders the rest as code or text', () => {
    const known = { dma_buf_attach: '#c.dma_buf_attach', dma_buf: '#c.dma_buf', DMA_RESV_USAGE_WRITE: '#c.DMA_RESV_USAGE_WRITE' };
    const mdx = render('See :c:func:`dma_buf_attach()`, :c:type:`struct dma_buf <dma_buf>`, :c:func:`nope()`, :kd:const:`DMA_RESV_USAGE_WRITE`, :ref:`locking` and :ref:`elsewhere`.', known);
    expect(mdx).toContain('<KRef to={"#c.dma_buf_attach"} code>{"dma_buf_attach()"}</KRef>');
    expect(mdx).toContain('<KRef to={"#c.dma_buf"} code>{"struct dma_buf"}</KRef>');
    expect(mdx).toContain('<code>{"nope()"}</code>');
    expect(mdx).toContain('<KRef to={"#c.DMA_RESV_USAGE_WRITE"} code>{"DMA_RESV_USAGE_WRITE"}</KRef>');
    expect(mdx).toContain('<KRef to={"#locking-convention"}>{"Locking convention"}</KRef>');
    expect(mdx).toContain('<em>{"elsewhere"}</em>');
  });

  it('links plain func() and struct mentions like the kernel automarkup, and hands graphs over', () => {
    const mdx = render('Call dma_buf_attach() on a struct dma_buf.\n\n.. kernel-render:: DOT\n   :alt: g\n\n   digraph { a -> b }\n', { dma_buf_attach: '#c.dma_buf_attach', dma_buf: '#c.dma_buf' });
    expect(mdx).toContain('{"Call "}<KRef to={"#c.dma_buf_attach"} code>{"dma_buf_attach()"}</KRef>{" on a "}<KRef to={"#c.dma_buf"} code>{"struct dma_buf"}</KRef>');
    expect(mdx).toContain('<KernelGraph svg={"<svg>digraph { a -> b }</svg>"} />');
  });
});
