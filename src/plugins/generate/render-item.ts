/**
 * Renders one kernel-doc item as MDX: a heading carrying the docs.kernel.org anchor (`c.NAME`),
 * the C signature or definition, the purpose line, parameters / members (each member anchored as
 * `c.STRUCT.MEMBER`, each enumerator as `c.ENUMERATOR` like Sphinx' C domain) and the sections.
 *
 * Bodies are kernel-doc markup inside reStructuredText; they reach this module already rendered
 * (see {@link BodyRenderer}), so this file only arranges the entry.
 */
import type { KdocItem, KdocParam } from '../../kerneldoc/types.ts';
import { headingText, jsxAttr, jsxText } from './mdx-text.ts';
import { memberAnchor, symbolAnchor } from './xref.ts';

/** Turns a kernel-doc body into MDX blocks (batched through docutils by the caller). */
export type BodyRenderer = (body: string, item: KdocItem) => string;

export interface ItemRenderOptions {
  level: number;
  body: BodyRenderer;
  /** Hrefs for identifiers that appear in signatures and definitions. */
  links: (code: string, self: string) => Record<string, string>;
  /** Source browser URL for `file:line`, when one is configured. */
  sourceUrl?: (file: string, line: number) => string | undefined;
  /** Extra MDX placed right after the heading (e.g. "Try it" links, lifecycle diagrams). */
  extras?: (item: KdocItem) => string;
}

/** The label a heading shows: `dma_buf_attach()`, `struct dma_buf`, `enum dma_resv_usage`. */
export function itemTitle(item: KdocItem): string {
  switch (item.kind) {
    case 'function':
      return `${item.name}()`;
    case 'macro':
      return item.functionLike ? `${item.name}()` : item.name;
    case 'struct':
    case 'union':
    case 'enum':
      return `${item.kind} ${item.name}`;
    case 'typedef':
      return `typedef ${item.name}`;
    default:
      return item.name;
  }
}

/** The C text shown for a function or macro: the prototype as kernel-doc reconstructs it. */
export function signatureOf(item: KdocItem): string {
  if (item.kind === 'macro') {
    const args = item.params.map((p) => p.name).join(', ');
    return item.functionLike ? `#define ${item.name}(${args})` : `#define ${item.name}`;
  }
  if (item.prototype) return item.prototype;
  const ret = item.returnType ?? '';
  const params = item.params.map(paramDecl).join(', ');
  return `${ret}${ret && !ret.endsWith('*') ? ' ' : ''}${item.name}(${params || 'void'})`;
}

function paramDecl(p: KdocParam): string {
  if (!p.type) return p.name;
  if (p.type.includes('(*')) return p.type.includes(p.name) ? p.type : p.type.replace('(*', `(*${p.name}`);
  return `${p.type}${p.type.endsWith('*') ? '' : ' '}${p.name}`;
}

/**
 * Parameters and members as the reader sees them. kernel-doc's list also carries preprocessor
 * lines (`#ifdef X`), which its own rst output skips; so do we. (Anonymous structs/unions stay,
 * as `{unnamed_union}`, the name kernel-doc lists them under.) A name listed twice (two
 * anonymous unions) is shown once.
 */
export function visibleParams(item: KdocItem): KdocParam[] {
  const seen = new Set<string>();
  return item.params.filter((p) => {
    if (p.name.startsWith('#') || seen.has(p.name)) return false;
    seen.add(p.name);
    return true;
  });
}

/** Definition text for display: kernel-doc leaves a `;` after preprocessor lines; drop it. */
function displayDefinition(code: string): string {
  return code.replace(/^(\s*#.*?);$/gm, '$1');
}

export function renderItem(item: KdocItem, o: ItemRenderOptions): string {
  if (item.kind === 'doc') return renderDocBlock(item, o);
  const anchor = symbolAnchor(item.name);
  const level = Math.min(6, o.level);
  const out: string[] = [];
  out.push(`${"#".repeat(level)} \`${itemTitle(item)}\` {/* #${anchor} */}`);
  const line = item.declLine || item.line;
  const code =
    item.kind === 'function' || item.kind === 'macro' || (item.kind === 'typedef' && !item.definition) ? signatureOf(item) : displayDefinition(item.definition ?? '');
  const srcHref = o.sourceUrl?.(item.file, line);
  out.push(
    `<KernelSignature${jsxAttr('kind', item.kind)}${jsxAttr('name', item.name)}${jsxAttr('code', code)}${jsxAttr('links', o.links(code, item.name))}${jsxAttr(
      'source',
      `${item.file}:${line}`,
    )}${jsxAttr('sourceHref', srcHref)}${item.kind === 'struct' || item.kind === 'union' ? jsxAttr('members', memberLinks(item)) : ''} />`,
  );
  if (item.purpose) out.push(`<p className="kd-purpose">${jsxText(item.purpose)}</p>`);
  const extra = o.extras?.(item);
  if (extra) out.push(extra);
  if (visibleParams(item).length) out.push(renderParams(item, o));
  for (const s of item.sections) {
    const body = o.body(s.body, item);
    if (!body.trim()) continue;
    out.push(`<KernelSection${jsxAttr('name', s.name)}>\n\n${body}\n\n</KernelSection>`);
  }
  return out.join('\n\n');
}

function paramsTitle(item: KdocItem): string {
  if (item.kind === 'enum') return 'Constants';
  if (item.kind === 'struct' || item.kind === 'union') return 'Members';
  return 'Parameters';
}

/** Member name → anchor, so the definition block can link each member to its entry. */
function memberLinks(item: KdocItem): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of visibleParams(item)) out[p.name] = `#${memberAnchor(item.name, p.name)}`;
  return out;
}

export function paramAnchor(item: KdocItem, p: KdocParam): string | undefined {
  if (item.kind === 'struct' || item.kind === 'union') return memberAnchor(item.name, p.name);
  if (item.kind === 'enum') return symbolAnchor(p.name);
  return undefined;
}

function renderParams(item: KdocItem, o: ItemRenderOptions): string {
  const rows = visibleParams(item).map((p) => {
    const id = paramAnchor(item, p);
    const label = item.kind === 'function' || item.kind === 'macro' || item.kind === 'typedef' ? paramDecl(p) : p.name;
    const body = p.description.trim() ? o.body(p.description, item) : '';
    return `<KernelParam${jsxAttr('name', p.name)}${jsxAttr('label', label)}${jsxAttr('id', id)}${body ? '' : ' undocumented'}>\n\n${body}\n\n</KernelParam>`;
  });
  return `<KernelParams${jsxAttr('title', paramsTitle(item))}>\n\n${rows.join('\n\n')}\n\n</KernelParams>`;
}

function renderDocBlock(item: KdocItem, o: ItemRenderOptions): string {
  return item.sections.map((s) => o.body(s.body, item)).join('\n\n');
}
