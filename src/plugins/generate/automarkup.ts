/**
 * Links plain-text mentions the way the kernel's Sphinx `automarkup` extension does: `func()` and
 * `struct|union|enum|typedef name` in running text become references when the name is documented.
 * Literal text (code, literal blocks) is never touched by the caller.
 */
export type TextPiece = { text: string } | { ref: string; kind: 'func' | 'type'; text: string };

const PATTERN = /\b(?:(struct|union|enum|typedef)\s+([A-Za-z_]\w*)|([A-Za-z_]\w*)\(\))/g;

/** Splits text into plain runs and candidate references (the caller decides which resolve). */
export function automarkup(text: string, resolves: (name: string, kind: 'func' | 'type') => boolean): TextPiece[] {
  const out: TextPiece[] = [];
  let last = 0;
  for (const m of text.matchAll(PATTERN)) {
    const kind = m[3] ? 'func' : 'type';
    const name = m[3] ?? m[2];
    if (!resolves(name, kind)) continue;
    if (m.index > last) out.push({ text: text.slice(last, m.index) });
    out.push({ ref: name, kind, text: m[0] });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}
