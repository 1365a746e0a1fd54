/**
 * Splits the rst document into pages. docs.kernel.org renders dma-buf.rst as one long page; here
 * each top-level section that expands kernel-doc (Shared DMA Buffers, Reservation Objects, DMA
 * Fences) starts a page of its own, so a reader loads one subsystem at a time. Prose-only
 * sections stay with the page before them. The first page keeps the document's route, title and
 * introduction; the others are named after their section (`/driver-api/dma-buf/dma-fences`).
 */
import { isElement, textOf, type DocElement, type DocNode } from '../rst/doctree.ts';

export interface PagePart {
  /** Route (`/driver-api/dma-buf`, `/driver-api/dma-buf/dma-fences`). */
  route: string;
  /** File name under the output folder, without extension. */
  file: string;
  title: string;
  /** Nodes rendered on the page, headings starting at `##`. */
  nodes: DocNode[];
  /** Ids of the section the page was cut from (its heading is the page title): kept as anchors. */
  anchors: string[];
}

const hasDirective = (n: DocNode): boolean => isElement(n) && (n.t === 'kerneldoc' || n.c.some(hasDirective));

export function splitPages(tree: DocElement, baseRoute: string, baseFile: string): PagePart[] {
  const top = tree.c.find((c) => isElement(c) && c.t === 'section') as DocElement | undefined;
  if (!top) return [{ route: baseRoute, file: baseFile, title: 'dma-buf', nodes: tree.c, anchors: [] }];
  const titleNode = top.c.find((c) => isElement(c) && c.t === 'title');
  const first: PagePart = { route: baseRoute, file: baseFile, title: titleNode ? textOf(titleNode) : 'dma-buf', nodes: [], anchors: [] };
  const pages = [first];
  let current = first;
  let seenApi = false;
  for (const n of top.c) {
    if (n === titleNode) continue;
    const isSection = isElement(n) && n.t === 'section';
    if (isSection && hasDirective(n)) {
      if (seenApi) {
        const id = n.a.ids?.[0] ?? `part-${pages.length}`;
        const title = n.c.find((c) => isElement(c) && c.t === 'title');
        current = {
          route: `${baseRoute}/${id}`,
          file: `${baseFile}--${id}`,
          title: title ? textOf(title) : id,
          nodes: n.c.filter((c) => c !== title),
          anchors: n.a.ids ?? [],
        };
        pages.push(current);
        continue;
      }
      seenApi = true;
    }
    current.nodes.push(n);
  }
  return pages;
}
