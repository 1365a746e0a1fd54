/**
 * Test-only: reads the structure back out of kernel-doc rst output (perl's or ours) so the
 * differential test can name what differs: per item its directive, name, parameter/member
 * entries, section names and whitespace-normalised text.
 */

/** One item as seen in rst output. */
export interface RstItem {
  /** `c:function`, `c:macro`, `c:struct`, `c:union`, `c:enum`, `c:type` or `doc`. */
  kind: string;
  name: string;
  /** ``` ``...`` ``` entries under **Parameters** / **Members** / **Constants**. */
  entries: string[];
  sections: string[];
  /** The chunk with all whitespace runs collapsed to one space. */
  text: string;
  raw: string;
}

const ITEM_START = /^\.\. (c:\w+):: (.*)$|^\.\. _(.*):$/;

/** Splits rst output into items. A leading part without a directive is a content-only DOC. */
export function rstItems(rst: string): RstItem[] {
  const lines = rst.split('\n');
  const chunks: { head: RegExpExecArray | null; lines: string[] }[] = [];
  let cur: { head: RegExpExecArray | null; lines: string[] } = { head: null, lines: [] };
  for (const l of lines) {
    const m = ITEM_START.exec(l);
    if (m) {
      chunks.push(cur);
      cur = { head: m, lines: [] };
    }
    cur.lines.push(l);
  }
  chunks.push(cur);
  const out: RstItem[] = [];
  for (const c of chunks) {
    const raw = c.lines.join('\n');
    if (!c.head && raw.trim() === '') continue;
    const kind = c.head ? (c.head[1] ?? 'doc') : 'doc';
    let name = c.head ? (c.head[2] ?? c.head[3] ?? '') : '';
    if (kind === 'c:function') name = /(\w+) \(/.exec(name)?.[1] ?? name;
    out.push({ kind, name, entries: entries(c.lines), sections: sections(c.lines, kind), text: norm(raw), raw });
  }
  return out;
}

function entries(lines: string[]): string[] {
  const out: string[] = [];
  let indent = -1;
  for (const l of lines) {
    const h = /^( *)\*\*(Parameters|Members|Constants)\*\*$/.exec(l);
    if (h) {
      indent = h[1]!.length;
      continue;
    }
    if (indent < 0 || l.trim() === '') continue;
    const lead = /^ */.exec(l)![0].length;
    if (lead < indent) break;
    if (lead === indent) {
      const e = /^ *``(.*)``$/.exec(l);
      if (!e) break;
      out.push(e[1]!);
    }
  }
  return out;
}

function sections(lines: string[], kind: string): string[] {
  const prefix = kind === 'c:function' || kind === 'c:macro' ? '  ' : '';
  const out: string[] = [];
  for (let i = 1; i + 1 < lines.length; i++) {
    const l = lines[i]!;
    if (!l.startsWith(prefix + '**') || l.startsWith(prefix + ' ')) continue;
    const m = /^ *\*\*([^*]+)\*\*$/.exec(l);
    if (!m || lines[i - 1]!.trim() !== '' || lines[i + 1]!.trim() !== '') continue;
    if (['Parameters', 'Members', 'Constants', 'Syntax'].includes(m[1]!)) continue;
    out.push(m[1]!);
  }
  return out;
}

/** Collapses whitespace runs to one space and trims. */
export function norm(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
