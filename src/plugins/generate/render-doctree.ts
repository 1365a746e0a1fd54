/**
 * Renders a docutils doctree as MDX that uses only registered tags and never lets kernel text be
 * read as MDX syntax (every text run is a string expression, see mdx-text.ts).
 *
 * Block structure (sections, lists, tables, literal blocks, admonitions, definition lists) maps to
 * JSX; cross-references go through the page's {@link RenderContext} which knows every anchor.
 */
import { isElement, textOf, type DocElement, type DocNode } from '../rst/doctree.ts';
import { automarkup } from './automarkup.ts';
import { headingText, jsxAttr, jsxText, safeId } from './mdx-text.ts';
import type { RefKind } from './xref.ts';

export interface RenderContext {
  /** Href for a reference, or undefined when nothing documented matches. */
  resolve(target: string, kind: RefKind): string | undefined;
  /** `:ref:` label → href and title. */
  label(label: string): { href: string; title: string } | undefined;
  /** MDX for a `.. kernel-doc::` directive. */
  kernelDoc?(node: DocElement, headingLevel: number): string;
  /** MDX for a `.. kernel-render:: DOT` graph. */
  graph?(node: DocElement): string;
  /** Heading level of the first section level in this tree (2 = `##`). */
  baseLevel: number;
  /** Problems found while rendering (unknown node types), for the build log. */
  notes: string[];
}

const ADMONITION: Record<string, string> = {
  note: 'note',
  hint: 'tip',
  tip: 'tip',
  important: 'info',
  attention: 'warning',
  caution: 'warning',
  warning: 'warning',
  danger: 'danger',
  error: 'danger',
  seealso: 'info',
};

/** Renders the children of a document (or any element) as MDX blocks. */
export function renderBlocks(nodes: DocNode[], ctx: RenderContext, level = ctx.baseLevel): string {
  const out: string[] = [];
  for (const n of nodes) {
    const s = renderBlock(n, ctx, level);
    if (s) out.push(s);
  }
  return out.join('\n\n');
}

function renderBlock(n: DocNode, ctx: RenderContext, level: number): string {
  if (!isElement(n)) return n.trim() ? `<p>${jsxText(n)}</p>` : '';
  switch (n.t) {
    case 'document':
      return renderBlocks(n.c, ctx, level);
    case 'section':
      return renderSection(n, ctx, level);
    case 'paragraph':
      return `<p>${renderInline(n.c, ctx)}</p>`;
    case 'bullet_list':
      return `<ul>\n${n.c.map((li) => renderListItem(li, ctx, level)).join('\n')}\n</ul>`;
    case 'enumerated_list': {
      const type = { arabic: '1', loweralpha: 'a', upperalpha: 'A', lowerroman: 'i', upperroman: 'I' }[String(n.a.enumtype ?? 'arabic')];
      return `<ol${jsxAttr('type', type)}${n.a.start && n.a.start !== 1 ? jsxAttr('start', n.a.start) : ''}>\n${n.c
        .map((li) => renderListItem(li, ctx, level))
        .join('\n')}\n</ol>`;
    }
    case 'definition_list':
    case 'field_list':
    case 'option_list':
      return `<dl>\n${n.c.map((it) => renderDefinitionItem(it, ctx, level)).join('\n')}\n</dl>`;
    case 'literal_block':
    case 'doctest_block':
      return codeBlock(textOf(n), languageOf(n));
    case 'block_quote':
      return `<blockquote className="kd-indent">\n${renderBlocks(n.c.filter((c) => !isElement(c) || c.t !== 'attribution'), ctx, level)}\n</blockquote>`;
    case 'line_block':
      return `<div className="kd-line-block">${n.c.map((l) => `<div>${isElement(l) ? renderInline(l.c, ctx) : jsxText(l)}</div>`).join('')}</div>`;
    case 'table':
      return renderTable(n, ctx, level);
    case 'admonition': {
      const title = n.c.find((c) => isElement(c) && c.t === 'title');
      const body = n.c.filter((c) => c !== title);
      return `<Admonition type="note"${title ? jsxAttr('title', textOf(title)) : ''}>\n\n${renderBlocks(body, ctx, level)}\n\n</Admonition>`;
    }
    case 'transition':
      return '<hr />';
    case 'target':
      return anchorsOf(n);
    case 'kerneldoc':
      return ctx.kernelDoc ? ctx.kernelDoc(n, level) : '';
    case 'kernelrender':
      return ctx.graph ? ctx.graph(n) : codeBlock(String(n.a.source ?? ''), 'dot');
    case 'comment':
    case 'substitution_definition':
    case 'system_message':
    case 'raw':
    case 'pending':
      return '';
    case 'compound':
    case 'container':
    case 'topic':
    case 'sidebar':
    case 'rubric':
    case 'footnote':
    case 'citation':
      return renderBlocks(n.c, ctx, level);
    default:
      if (ADMONITION[n.t]) {
        return `<Admonition${jsxAttr('type', ADMONITION[n.t])}>\n\n${renderBlocks(n.c, ctx, level)}\n\n</Admonition>`;
      }
      ctx.notes.push(`unhandled block node <${n.t}>`);
      return renderBlocks(n.c, ctx, level);
  }
}

function renderSection(n: DocElement, ctx: RenderContext, level: number): string {
  const title = n.c.find((c) => isElement(c) && c.t === 'title') as DocElement | undefined;
  const ids = n.a.ids ?? [];
  const [id, ...extra] = ids.map(safeId);
  const h = Math.min(6, level);
  const heading = `${'#'.repeat(h)} ${headingText(title ? textOf(title) : '')}${id ? ` {/* #${id} */}` : ''}`;
  const extraAnchors = extra.map((x) => `<Anchor${jsxAttr('id', x)} />`).join('');
  const body = renderBlocks(
    n.c.filter((c) => c !== title),
    ctx,
    level + 1,
  );
  return [extraAnchors, heading, body].filter(Boolean).join('\n\n');
}

function renderListItem(li: DocNode, ctx: RenderContext, level: number): string {
  if (!isElement(li)) return `<li>${jsxText(li)}</li>`;
  // A list item holding a single paragraph renders tight, as Sphinx does.
  if (li.c.length === 1 && isElement(li.c[0]) && li.c[0].t === 'paragraph') return `<li>${renderInline(li.c[0].c, ctx)}</li>`;
  return `<li>\n${renderBlocks(li.c, ctx, level)}\n</li>`;
}

function renderDefinitionItem(it: DocNode, ctx: RenderContext, level: number): string {
  if (!isElement(it)) return '';
  const parts: string[] = [];
  for (const c of it.c) {
    if (!isElement(c)) continue;
    if (c.t === 'option_group') parts.push(`<dt>${c.c.map((o) => renderInline([o], ctx)).join(', ')}</dt>`);
    else if (c.t === 'term' || c.t === 'field_name') parts.push(`<dt>${renderInline(c.c, ctx)}</dt>`);
    else if (c.t === 'classifier') parts.push(`<dd className="kd-classifier">${renderInline(c.c, ctx)}</dd>`);
    else if (c.t === 'definition' || c.t === 'field_body' || c.t === 'description') parts.push(`<dd>\n${renderBlocks(c.c, ctx, level)}\n</dd>`);
  }
  return parts.join('\n');
}

function renderTable(n: DocElement, ctx: RenderContext, level: number): string {
  const tgroup = n.c.find((c) => isElement(c) && c.t === 'tgroup') as DocElement | undefined;
  if (!tgroup) return '';
  const rows = (part: string, cell: 'th' | 'td') => {
    const sec = tgroup.c.find((c) => isElement(c) && c.t === part) as DocElement | undefined;
    if (!sec) return '';
    const trs = sec.c.filter(isElement).map((row) => {
      const cells = row.c.filter(isElement).map((e) => {
        const span = `${e.a.morecols ? jsxAttr('colSpan', Number(e.a.morecols) + 1) : ''}${e.a.morerows ? jsxAttr('rowSpan', Number(e.a.morerows) + 1) : ''}`;
        const only = e.c.length === 1 && isElement(e.c[0]) && e.c[0].t === 'paragraph' ? (e.c[0] as DocElement) : undefined;
        return `<${cell}${span}>${only ? renderInline(only.c, ctx) : `\n${renderBlocks(e.c, ctx, level)}\n`}</${cell}>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    });
    return `<${part}>\n${trs.join('\n')}\n</${part}>`;
  };
  return `<div className="kd-table"><table>\n${rows('thead', 'th')}\n${rows('tbody', 'td')}\n</table></div>`;
}

function languageOf(n: DocElement): string {
  const cls = (n.a.classes ?? []).filter((c) => c !== 'code');
  const lang = cls[0] ?? (typeof n.a.language === 'string' ? n.a.language : '');
  if (!lang || lang === 'none' || lang === 'text') return 'text';
  return lang === 'c' || lang === 'C' ? 'c' : lang;
}

/** A code block: Docusaurus' CodeBlock with the text as a string expression. */
export function codeBlock(code: string, language: string): string {
  return `<CodeBlock${jsxAttr('language', language)}>${jsxText(code.replace(/\n+$/, ''))}</CodeBlock>`;
}

function anchorsOf(n: DocElement): string {
  return (n.a.ids ?? []).map((id) => `<Anchor${jsxAttr('id', safeId(id))} />`).join('');
}

/** Renders inline children (text, emphasis, literals, references) as one line of JSX. */
export function renderInline(nodes: DocNode[], ctx: RenderContext): string {
  return nodes.map((n) => renderInlineNode(n, ctx)).join('');
}

function renderInlineNode(n: DocNode, ctx: RenderContext): string {
  if (!isElement(n)) return linkPlainText(n, ctx);
  switch (n.t) {
    case 'emphasis':
    case 'title_reference':
      return `<em>${renderInline(n.c, ctx)}</em>`;
    case 'strong':
      return `<strong>${renderInline(n.c, ctx)}</strong>`;
    case 'literal':
      return `<code>${jsxText(textOf(n))}</code>`;
    case 'subscript':
      return `<sub>${renderInline(n.c, ctx)}</sub>`;
    case 'superscript':
      return `<sup>${renderInline(n.c, ctx)}</sup>`;
    case 'xref':
      return renderXref(n, ctx);
    case 'reference': {
      if (n.a.refuri) return `<a${jsxAttr('href', n.a.refuri)}>${renderInline(n.c, ctx)}</a>`;
      const label = n.a.refid ?? n.a.refname;
      const hit = label ? ctx.label(String(label)) : undefined;
      return hit ? `<KRef${jsxAttr('to', hit.href)}>${renderInline(n.c, ctx)}</KRef>` : renderInline(n.c, ctx);
    }
    case 'target':
      return `${anchorsOf(n)}${renderInline(n.c, ctx)}`;
    case 'inline':
    case 'substitution_reference':
    case 'abbreviation':
    case 'acronym':
    case 'generated':
      return renderInline(n.c, ctx);
    case 'option': {
      // `--flag ARG` of an option list: the option string and its argument as one code span.
      const parts = n.c.filter(isElement).map((c) => textOf(c));
      return `<code>${jsxText(parts.join(' '))}</code>`;
    }
    case 'option_string':
    case 'option_argument':
      return `<code>${jsxText(textOf(n))}</code>`;
    case 'footnote_reference':
    case 'citation_reference':
      return `<sup>${jsxText(textOf(n))}</sup>`;
    case 'image':
      return n.a.alt ? jsxText(String(n.a.alt)) : '';
    case 'problematic':
      return jsxText(textOf(n));
    default:
      ctx.notes.push(`unhandled inline node <${n.t}>`);
      return renderInline(n.c, ctx);
  }
}

/** Sphinx roles: C-domain references, `:ref:`, `:doc:`; unresolved ones render as code. */
function renderXref(n: DocElement, ctx: RenderContext): string {
  const role = String(n.a.role ?? '');
  const target = String(n.a.target ?? textOf(n));
  const title = textOf(n);
  if (role === 'ref') {
    const hit = ctx.label(target);
    if (hit) return `<KRef${jsxAttr('to', hit.href)}>${jsxText(n.a.explicit ? title : hit.title)}</KRef>`;
    return `<em>${jsxText(title)}</em>`;
  }
  if (role === 'doc') return `<em>${jsxText(title)}</em>`;
  if (role === 'kd:const') {
    // `%CONST`: formatted as code; linked when it names a documented enumerator or macro.
    const href = ctx.resolve(target, 'any');
    return href ? `<KRef${jsxAttr('to', href)} code>${jsxText(title)}</KRef>` : `<code>${jsxText(title)}</code>`;
  }
  if (role.startsWith('c:')) {
    const kind: RefKind = role === 'c:func' || role === 'c:macro' ? 'func' : role === 'c:member' ? 'member' : role === 'c:type' ? 'type' : 'any';
    const href = ctx.resolve(target, kind) ?? (kind === 'func' ? ctx.resolve(target, 'any') : undefined);
    const label = title;
    return href ? `<KRef${jsxAttr('to', href)} code>${jsxText(label)}</KRef>` : `<code>${jsxText(label)}</code>`;
  }
  return `<code>${jsxText(title)}</code>`;
}

function linkPlainText(text: string, ctx: RenderContext): string {
  const pieces = automarkup(text, (name, kind) => ctx.resolve(name, kind === 'func' ? 'func' : 'type') !== undefined);
  return pieces
    .map((p) => {
      if (!('ref' in p)) return jsxText(p.text);
      const href = ctx.resolve(p.ref, p.kind === 'func' ? 'func' : 'type')!;
      return `<KRef${jsxAttr('to', href)} code>${jsxText(p.text)}</KRef>`;
    })
    .join('');
}
