/**
 * `.. kernel-render:: DOT` graphs become inline SVG at build time with Graphviz compiled to
 * WebAssembly (@viz-js/viz), so the page needs no Graphviz install and no client-side layout.
 */
import { instance } from '@viz-js/viz';

let viz: Awaited<ReturnType<typeof instance>> | undefined;

export async function dotToSvg(dot: string): Promise<string> {
  viz ??= await instance();
  const r = viz.render(dot, { format: 'svg' });
  if (r.status !== 'success') {
    throw new Error(`graphviz: ${r.errors.map((e) => e.message).join('; ')}`);
  }
  // Drop the XML prolog and doctype: the SVG is embedded in HTML.
  return r.output.replace(/^[\s\S]*?(<svg)/, '$1');
}
