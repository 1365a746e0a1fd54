/**
 * The identifier index: every documented function, macro, struct, union, enum, enumerator and
 * typedef of the site, grouped A–Z, with its kind, the page it is on and its purpose.
 */
import { jsxAttr, jsxText } from './mdx-text.ts';
import { pageHref, type SymbolEntry } from './xref.ts';

const KIND_LABEL: Record<string, string> = {
  function: 'function',
  macro: 'macro',
  struct: 'struct',
  union: 'union',
  enum: 'enum',
  typedef: 'typedef',
};

export function renderIndexPage(entries: SymbolEntry[], route: string, pageTitles: Map<string, string>, version: string, position = 2): string {
  const sorted = [...entries].sort((a, b) => a.name.replace(/^_+/, '').localeCompare(b.name.replace(/^_+/, ''), 'en', { sensitivity: 'base' }) || a.name.localeCompare(b.name));
  const groups = new Map<string, SymbolEntry[]>();
  for (const e of sorted) {
    const letter = e.name.replace(/^_+/, '')[0]?.toUpperCase() ?? '#';
    const key = /[A-Z]/.test(letter) ? letter : '#';
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const counts = new Map<string, number>();
  for (const e of entries) {
    const k = e.purpose.startsWith('enumerator of') ? 'enumerator' : KIND_LABEL[e.kind];
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const summary = [...counts.entries()].map(([k, n]) => `${n} ${k}${n === 1 ? '' : 's'}`).join(', ');
  const out: string[] = [
    '---',
    'title: Identifier index',
    'sidebar_label: Identifier index',
    `sidebar_position: ${position}`,
    `description: ${JSON.stringify(`Every identifier documented by kernel-doc for the dma-buf pages of Linux ${version}`)}`,
    'toc_max_heading_level: 2',
    '---',
    '',
    `<p>${jsxText(`Every identifier the kernel's kernel-doc documents for the dma-buf pages of Linux ${version}: ${summary}. Anchors are the ones docs.kernel.org uses.`)}</p>`,
    '',
    `<nav className="kd-az" aria-label="Jump to letter">${[...groups.keys()].map((k) => `<a${jsxAttr('href', `#${letterId(k)}`)}>${jsxText(k)}</a>`).join(' ')}</nav>`,
  ];
  for (const [letter, list] of groups) {
    out.push('', `## ${letter === '#' ? 'Other' : letter} {/* #${letterId(letter)} */}`, '');
    const rows = list.map((e) => {
      const kind = e.purpose.startsWith('enumerator of') ? 'enumerator' : KIND_LABEL[e.kind];
      const label = e.kind === 'function' ? `${e.name}()` : e.name;
      return `<tr><td><KRef${jsxAttr('to', pageHref(e.page, e.anchor, route))} code>${jsxText(label)}</KRef></td><td>${jsxText(kind)}</td><td>${jsxText(pageTitles.get(e.page) ?? e.page)}</td><td>${jsxText(e.purpose)}</td></tr>`;
    });
    out.push(`<div className="kd-table"><table className="kd-index">\n<thead><tr><th>Identifier</th><th>Kind</th><th>Page</th><th>Summary</th></tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table></div>`);
  }
  return `${out.join('\n')}\n`;
}

const letterId = (k: string) => (k === '#' ? 'other' : `letter-${k.toLowerCase()}`);
