/**
 * Generates the spec pages from a kernel tree: reads `Documentation/driver-api/dma-buf.rst` and the
 * files its directives name, parses them with our kernel-doc parser, renders MDX and writes it to
 * `docs/driver-api/` (git-ignored build output), plus the identifier index and a JSON summary of
 * every documented identifier (used by tests and, later, by the sandbox's hover docs).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseKernelDoc, renderBodyRst } from '../../kerneldoc/index.ts';
import type { KdocFile, KdocItem } from '../../kerneldoc/types.ts';
import { jsxAttr } from './mdx-text.ts';
import { isElement, type DocNode } from '../rst/doctree.ts';
import { parseRst } from '../rst/docutils.ts';
import { siteInline } from './body-rst.ts';
import { dotToSvg } from './graph.ts';
import { renderIndexPage } from './index-page.ts';
import { directivesOf, registerPage, renderPage } from './page.ts';
import { splitPages, type PagePart } from './split.ts';
import { visibleParams } from './render-item.ts';
import { SymbolRegistry } from './xref.ts';

/** Anchors (identifiers, members, sections) that live on another page than `route`, by page. */
function anchorsElsewhere(registry: SymbolRegistry, parts: PagePart[], route: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [anchor, page] of registry.anchors()) if (page !== route) (out[page] ??= []).push(anchor);
  for (const p of parts) if (p.route !== route) (out[p.route] ??= []).push(...p.anchors);
  return out;
}

export interface GenerateOptions {
  /** Kernel tree root. */
  tree: string;
  /** Kernel release shown on the pages (`6.12.107`). */
  release: string;
  /** `major.minor`. */
  version: string;
  /** Where the generated folder goes (default: `<repo>/docs/driver-api`). */
  outDir: string;
  log?: (line: string) => void;
  /** Function → example id: entries of modelled functions get a "Try it" link to the playground. */
  tryIt?: Record<string, string>;
  /** Struct name → lifecycle machine id drawn in its entry (`dma_buf` → `dma_buf`). */
  lifecycles?: Record<string, string>;
}

/** "Try it" link for modelled functions, lifecycle diagram for the structs that have one. */
function decorate(item: KdocItem, o: GenerateOptions): string {
  const out: string[] = [];
  const example = item.kind === 'function' || item.kind === 'macro' ? o.tryIt?.[item.name] : undefined;
  if (example) out.push(`<TryIt${jsxAttr('name', item.name)}${jsxAttr('example', example)} />`);
  const machine = item.kind === 'struct' ? o.lifecycles?.[item.name] : undefined;
  if (machine) out.push(`<Lifecycle${jsxAttr('machine', machine)} />`);
  return out.join('\n\n');
}

export interface GenerateReport {
  pages: string[];
  identifiers: number;
  members: number;
  items: number;
  kernelDocWarnings: number;
  rstMessages: number;
  notes: string[];
  seconds: number;
  /** Identifier → kind, purpose and spec link (for the sandbox's hovers). */
  docs: Record<string, { kind: string; purpose: string; href: string }>;
}

const ROUTE = '/driver-api/dma-buf';
const INDEX_ROUTE = '/driver-api/identifiers';

export async function generate(o: GenerateOptions): Promise<GenerateReport> {
  const t0 = performance.now();
  const log = o.log ?? (() => {});
  const rstPath = 'Documentation/driver-api/dma-buf.rst';
  const rst = fs.readFileSync(path.join(o.tree, rstPath), 'utf8');
  const [pageTree] = parseRst([{ id: 'page', rst, source: rstPath }]).results;

  const files = new Map<string, KdocFile>();
  for (const d of directivesOf(pageTree.tree)) {
    const file = String(d.a.file);
    if (files.has(file)) continue;
    const abs = path.join(o.tree, file);
    if (!fs.existsSync(abs)) {
      log(`warning: ${rstPath}: kernel-doc file ${file} not found`);
      continue;
    }
    files.set(file, parseKernelDoc(fs.readFileSync(abs, 'utf8'), file));
  }

  const registry = new SymbolRegistry();
  const parts = splitPages(pageTree.tree, ROUTE, 'dma-buf');
  for (const part of parts) registerPage(part, files, registry);

  const graphs = new Map<string, string>();
  const walk = async (n: DocNode) => {
    if (!isElement(n)) return;
    if (n.t === 'kernelrender' && String(n.a.lang).toUpperCase() === 'DOT') {
      const src = String(n.a.source ?? '');
      graphs.set(src, await dotToSvg(src));
    }
    for (const c of n.c) await walk(c);
  };
  await walk(pageTree.tree);

  const pages = parts.map((part) =>
    renderPage({
      part,
      files,
      registry,
      graphs,
      bodyToRst: (body) => renderBodyRst(body, siteInline),
      parseRst: (inputs) => parseRst(inputs).results,
      sourceUrl: (file, line) => `https://elixir.bootlin.com/linux/v${o.release}/source/${file}#L${line}`,
      decorate: (item) => decorate(item, o),
    }),
  );

  fs.rmSync(o.outDir, { recursive: true, force: true });
  fs.mkdirSync(o.outDir, { recursive: true });
  const titles = new Map(parts.map((p) => [p.route, p.title]));
  parts.forEach((part, i) => {
    const page = pages[i];
    const front = [
      '---',
      `title: ${JSON.stringify(page.title)}`,
      `sidebar_label: ${JSON.stringify(i === 0 ? 'Shared DMA buffers' : page.title)}`,
      `sidebar_position: ${i + 1}`,
      ...(i === 0 ? [] : [`slug: ${part.route}`]),
      `description: ${JSON.stringify(`${page.title}: the kernel API of Linux ${o.release}, generated from the kernel's own kernel-doc`)}`,
      // A part without sections of its own lists its entries in the table of contents instead.
      `toc_max_heading_level: ${part.nodes.some((n) => isElement(n) && n.t === 'section') ? 3 : 4}`,
      '---',
      '',
      `<KernelVersionBanner${jsxAttr('release', o.release)}${jsxAttr('source', rstPath)}${jsxAttr('pages', parts.map((p) => ({ route: p.route, title: p.title })))}${jsxAttr('current', part.route)} />`,
      '',
      // The first page answers docs.kernel.org links (dma-buf.html#c.NAME) whose anchor now lives on another page.
      i === 0 ? `<AnchorRedirect${jsxAttr('targets', anchorsElsewhere(registry, parts, part.route))} />\n` : '',
    ].join('\n');
    fs.writeFileSync(path.join(o.outDir, `${part.file}.mdx`), `${front}${page.mdx}\n`);
  });
  fs.writeFileSync(path.join(o.outDir, 'identifiers.mdx'), renderIndexPage(registry.all(), INDEX_ROUTE, titles, o.release, parts.length + 1));
  fs.writeFileSync(
    path.join(o.outDir, '_category_.json'),
    `${JSON.stringify({ label: `Kernel API (Linux ${o.version})`, position: 2, collapsed: false }, null, 2)}\n`,
  );
  const documented = pages.flatMap((p) => p.items).filter((i) => i.kind !== 'doc');
  const summary = {
    release: o.release,
    version: o.version,
    route: ROUTE,
    pages: parts.map((p) => ({ route: p.route, title: p.title })),
    identifiers: documented.map((i) => ({
      name: i.name,
      kind: i.kind,
      route: registry.get(i.name)?.page ?? ROUTE,
      purpose: i.purpose,
      file: i.file,
      line: i.declLine || i.line,
      members: i.kind === 'struct' || i.kind === 'union' ? visibleParams(i).map((p) => p.name) : undefined,
    })),
  };
  fs.writeFileSync(path.join(o.outDir, '_identifiers.json'), `${JSON.stringify(summary, null, 1)}\n`);
  const members = documented.filter((i) => i.kind === 'struct' || i.kind === 'union').reduce((n, i) => n + visibleParams(i).length, 0);
  const kernelDocWarnings = documented.reduce((n, i) => n + i.warnings.length, 0);
  return {
    pages: [...parts.map((p) => p.route), INDEX_ROUTE],
    identifiers: documented.length,
    members,
    items: pages.reduce((n, p) => n + p.items.length, 0),
    kernelDocWarnings,
    rstMessages: pages.reduce((n, p) => n + p.rstMessages, 0),
    notes: [...new Set(pages.flatMap((p) => p.notes))],
    seconds: (performance.now() - t0) / 1000,
    docs: Object.fromEntries(documented.map((i) => [i.name, { kind: i.kind, purpose: i.purpose, href: `${registry.get(i.name)?.page ?? ROUTE}#c.${i.name}` }])),
  };
}
