/**
 * The identifier registry: every documented identifier and member of the site, with the page and
 * anchor where it lives, and the rules that turn a kernel-doc / Sphinx reference into a link.
 *
 * Anchors follow docs.kernel.org (`c.NAME`); members get `c.STRUCT.MEMBER`, which docs.kernel.org
 * lacks. A reference that names nothing documented here resolves to undefined and is rendered as
 * code by the caller.
 */
import type { ItemKind } from '../../kerneldoc/types.ts';

export interface SymbolEntry {
  name: string;
  kind: ItemKind;
  /** Route of the page (`/driver-api/dma-buf`). */
  page: string;
  /** Anchor without `#` (`c.dma_buf_attach`). */
  anchor: string;
  /** One-line purpose for indexes and tooltips. */
  purpose: string;
  file: string;
  line: number;
}

export type RefKind = 'func' | 'type' | 'member' | 'any';

export class SymbolRegistry {
  private readonly byName = new Map<string, SymbolEntry>();
  private readonly members = new Map<string, string>(); // `struct.member` -> page#anchor
  /** Section labels (`:ref:` targets) and heading ids → page route. */
  private readonly labels = new Map<string, { page: string; anchor: string; title: string }>();

  add(e: SymbolEntry): void {
    if (!this.byName.has(e.name)) this.byName.set(e.name, e);
  }

  addMember(struct: string, member: string, page: string): void {
    this.members.set(`${struct}.${member}`, `${page}#${memberAnchor(struct, member)}`);
  }

  addLabel(label: string, page: string, anchor: string, title: string): void {
    this.labels.set(label.toLowerCase(), { page, anchor, title });
  }

  /** Every anchor the registry knows (identifiers, members, section ids) with its page. */
  anchors(): [string, string][] {
    const out = new Map<string, string>();
    for (const e of this.byName.values()) out.set(e.anchor, e.page);
    for (const target of this.members.values()) {
      const [page, anchor] = target.split('#');
      out.set(anchor, page);
    }
    for (const l of this.labels.values()) out.set(l.anchor, l.page);
    return [...out.entries()];
  }

  get(name: string): SymbolEntry | undefined {
    return this.byName.get(name);
  }

  all(): SymbolEntry[] {
    return [...this.byName.values()];
  }

  /** The href for a documented identifier, given the page the link appears on. */
  hrefOf(name: string, from: string): string | undefined {
    const e = this.byName.get(name);
    return e ? pageHref(e.page, e.anchor, from) : undefined;
  }

  memberHref(struct: string, member: string, from: string): string | undefined {
    const target = this.members.get(`${struct}.${member}`);
    if (!target) return undefined;
    const [page, anchor] = target.split('#');
    return pageHref(page, anchor, from);
  }

  label(label: string): { page: string; anchor: string; title: string } | undefined {
    return this.labels.get(label.toLowerCase());
  }

  /**
   * Resolves a reference as written in kernel text: `dma_buf_attach()`, `struct dma_buf`,
   * `dma_buf_ops`, `dma_buf_ops.map_dma_buf`, `dma_buf->resv`.
   */
  resolve(target: string, kind: RefKind, from: string): string | undefined {
    let t = target.trim().replace(/\\/g, '');
    if (t.endsWith('()')) t = t.slice(0, -2);
    t = t.replace(/^(struct|union|enum|typedef)\s+/, '');
    const member = /^(\w+)(?:\.|->)(\w+)(?:\(\))?$/.exec(t);
    if (member) {
      return this.memberHref(member[1], member[2], from) ?? this.hrefOf(member[1], from);
    }
    if (!/^\w+$/.test(t)) return undefined;
    const e = this.byName.get(t);
    if (!e) return undefined;
    if (kind === 'func' && !(e.kind === 'function' || e.kind === 'macro')) return undefined;
    return pageHref(e.page, e.anchor, from);
  }
}

export const symbolAnchor = (name: string) => `c.${name}`;
export const memberAnchor = (struct: string, member: string) => `c.${struct}.${member}`;

/** `#anchor` on the same page, `/page#anchor` elsewhere. */
export function pageHref(page: string, anchor: string, from: string): string {
  return page === from ? `#${anchor}` : `${page}#${anchor}`;
}
