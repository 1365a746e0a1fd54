/**
 * Assembles the spec page from `Documentation/driver-api/dma-buf.rst`: the rst decides the
 * structure (headings, prose, order), each `.. kernel-doc::` directive is expanded with the items
 * it selects, and every kernel-doc body goes through docutils in one batch.
 */
import { isElement, type DocElement, type DocNode } from '../rst/doctree.ts';
import type { RstInput } from '../rst/docutils.ts';
import type { RstResult } from '../rst/doctree.ts';
import type { KdocFile, KdocItem } from '../../kerneldoc/types.ts';
import { renderBlocks, type RenderContext } from './render-doctree.ts';
import { renderItem, paramAnchor, visibleParams } from './render-item.ts';
import { selectItems, type DirectiveOptions } from './select.ts';
import { jsxAttr } from './mdx-text.ts';
import type { PagePart } from './split.ts';
import { memberAnchor, symbolAnchor, type SymbolRegistry } from './xref.ts';

export interface PageInput {
  /** The page: route, title and the rst nodes it shows (see split.ts). */
  part: PagePart;
  /** Parsed kernel-doc per file named by the directives (tree-relative path). */
  files: Map<string, KdocFile>;
  registry: SymbolRegistry;
  /** Rendered SVG per `kernel-render` DOT source. */
  graphs: Map<string, string>;
  /** Body text → RST (kernel-doc inline markup turned into roles). */
  bodyToRst: (body: string) => string;
  /** Runs docutils over a batch. */
  parseRst: (inputs: RstInput[]) => RstResult[];
  sourceUrl?: (file: string, line: number) => string | undefined;
  /** Extra MDX for an entry, after its purpose line ("Try it" links, lifecycle diagrams). */
  decorate?: (item: KdocItem) => string;
}

export interface PageOutput {
  title: string;
  mdx: string;
  items: KdocItem[];
  notes: string[];
  rstMessages: number;
}

/** Every `.. kernel-doc::` directive of a tree, in document order. */
export function directivesOf(tree: DocNode): DocElement[] {
  const out: DocElement[] = [];
  const walk = (n: DocNode) => {
    if (!isElement(n)) return;
    if (n.t === 'kerneldoc') out.push(n);
    n.c.forEach(walk);
  };
  walk(tree);
  return out;
}

export function directiveOptions(n: DocElement): DirectiveOptions {
  return JSON.parse(String(n.a.options ?? '{}')) as DirectiveOptions;
}

/** Items a directive selects, or [] when its file could not be read. */
export function directiveItems(n: DocElement, files: Map<string, KdocFile>): KdocItem[] {
  const file = files.get(String(n.a.file));
  if (!file) return [];
  return selectItems(file, directiveOptions(n), (pattern) => files.get(pattern)?.exports ?? []);
}

/** The nodes of a page part as one tree. */
export const partTree = (part: PagePart): DocElement => ({ t: 'document', a: {}, c: part.nodes });

/** Registers every identifier, member, enumerator and section label of a page. */
export function registerPage(part: PagePart, files: Map<string, KdocFile>, registry: SymbolRegistry): KdocItem[] {
  const { route } = part;
  const tree = partTree(part);
  for (const id of part.anchors) registry.addLabel(id, route, id, part.title);
  const items: KdocItem[] = [];
  for (const d of directivesOf(tree)) {
    for (const item of directiveItems(d, files)) {
      items.push(item);
      if (item.kind === 'doc') continue;
      registry.add({ name: item.name, kind: item.kind, page: route, anchor: symbolAnchor(item.name), purpose: item.purpose, file: item.file, line: item.declLine || item.line });
      for (const p of visibleParams(item)) {
        if (item.kind === 'struct' || item.kind === 'union') registry.addMember(item.name, p.name, route);
        if (item.kind === 'enum') {
          registry.add({ name: p.name, kind: 'enum', page: route, anchor: paramAnchor(item, p)!, purpose: `enumerator of enum ${item.name}`, file: item.file, line: item.declLine });
        }
      }
    }
  }
  const walk = (n: DocNode) => {
    if (!isElement(n)) return;
    if (n.t === 'section') {
      const title = n.c.find((c) => isElement(c) && c.t === 'title');
      const text = title ? textContent(title) : '';
      const id = n.a.ids?.[0];
      if (id) for (const name of [...(n.a.names ?? []), ...(n.a.ids ?? [])]) registry.addLabel(name, route, id, text);
    }
    n.c.forEach(walk);
  };
  walk(tree);
  return items;
}

function textContent(n: DocNode): string {
  return typeof n === 'string' ? n : n.c.map(textContent).join('');
}

/**
 * Two-pass rendering shared by pages: `render` is called once with a collecting body renderer to
 * learn which kernel-doc bodies are needed, the bodies go through docutils in one batch, then
 * `render` runs again with the real one. Returns the MDX and the number of docutils messages.
 */
export function renderWithBodies(
  render: (body: (text: string, level: number) => string) => string,
  bodyToRst: (body: string) => string,
  parseRst: (inputs: RstInput[]) => RstResult[],
  bodyContext: (level: number) => RenderContext,
): { mdx: string; rstMessages: number } {
  const bodies = new Map<string, DocElement | null>();
  render((text) => {
    bodies.set(text, null);
    return '';
  });
  const texts = [...bodies.keys()];
  const results = parseRst(texts.map((t, i) => ({ id: String(i), rst: bodyToRst(t) })));
  let rstMessages = 0;
  results.forEach((r, i) => {
    bodies.set(texts[i], r.tree);
    rstMessages += r.messages.length;
  });
  const mdx = render((text, level) => {
    const t = bodies.get(text);
    return t ? renderBlocks(t.c, bodyContext(level), level) : '';
  });
  return { mdx, rstMessages };
}

/** A render context resolving through the registry, relative to `route`. */
export function registryContext(registry: SymbolRegistry, route: string, level: number, notes: string[]): RenderContext {
  return {
    baseLevel: level,
    notes,
    resolve: (target, kind) => registry.resolve(target, kind, route),
    label: (l) => {
      const hit = registry.label(l);
      return hit ? { href: hit.page === route ? `#${hit.anchor}` : `${hit.page}#${hit.anchor}`, title: hit.title } : undefined;
    },
  };
}

/** Item render options shared by the page and by standalone renders (tests). */
export function itemOptions(
  sectionLevel: number,
  body: (text: string, level: number) => string,
  registry: SymbolRegistry,
  route: string,
  sourceUrl?: PageInput['sourceUrl'],
  decorate?: PageInput['decorate'],
) {
  // Entries sit at h4 or deeper, so the table of contents lists sections, not 136 entries.
  const level = Math.max(4, sectionLevel);
  return {
    level,
    body: (text: string) => body(text, level + 1),
    links: (code: string, self: string) => linksIn(code, self, registry, route),
    sourceUrl,
    extras: (it: KdocItem) => [decorate?.(it) ?? '', warningsOf(it)].filter(Boolean).join('\n\n'),
  };
}

/** Renders a page from its rst nodes, expanding each kernel-doc directive. */
export function renderPage(input: PageInput): PageOutput {
  const { part, registry } = input;
  const { route, title } = part;
  const body = part.nodes;
  const notes: string[] = [];
  const { mdx, rstMessages } = renderWithBodies(
    (bodyMdx) => {
      const ctx: RenderContext = {
        ...registryContext(registry, route, 2, notes),
        graph: (n) => {
          const svg = input.graphs.get(String(n.a.source ?? ''));
          return `<KernelGraph${jsxAttr('svg', svg ?? '')}${jsxAttr('caption', n.a.caption || undefined)}${jsxAttr('alt', n.a.alt || undefined)}${jsxAttr('dot', svg ? undefined : n.a.source)} />`;
        },
        kernelDoc: (n, level) =>
          directiveItems(n, input.files)
            .map((item) => renderItem(item, itemOptions(level, bodyMdx, registry, route, input.sourceUrl, input.decorate)))
            .join('\n\n'),
      };
      const anchors = part.anchors.map((id) => `<Anchor${jsxAttr('id', id)} />`).join('');
      return [anchors, renderBlocks(body, ctx, 2)].filter(Boolean).join('\n\n');
    },
    input.bodyToRst,
    input.parseRst,
    (level) => registryContext(registry, route, level, notes),
  );
  return { title, mdx, items: registerless(input), notes: [...new Set(notes)], rstMessages };
}

function registerless(input: PageInput): KdocItem[] {
  return directivesOf(partTree(input.part)).flatMap((d) => directiveItems(d, input.files));
}

/** Links for identifiers in a C signature/definition: documented types and functions, not itself. */
function linksIn(code: string, self: string, registry: SymbolRegistry, route: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of code.matchAll(/\b[A-Za-z_]\w*\b/g)) {
    const name = m[0];
    if (name === self || out[name]) continue;
    const href = registry.hrefOf(name, route);
    if (href) out[name] = href;
  }
  return out;
}

/**
 * What kernel-doc reports about an item's comment, so gaps (an undescribed member, a missing
 * `Return:`) are visible on the page; warnings only `-Wall` shows are tagged with their switch.
 */
function warningsOf(item: KdocItem): string {
  if (!item.warnings.length) return '';
  const lines = item.warnings.map((w) => `${w.file}:${w.line}: warning: ${w.message}${w.flag ? ` [-W${w.flag}]` : ''}`);
  return `<KernelWarnings${jsxAttr('warnings', lines)} />`;
}

export { memberAnchor };
