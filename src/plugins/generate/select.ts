/**
 * Which items a `.. kernel-doc::` directive shows, with the semantics of the kernel's Sphinx
 * extension (`Documentation/sphinx/kerneldoc.py`, v6.12) and the perl tool's output selection:
 *
 * - no option: every item of the file, DOC blocks included;
 * - `:export: [files]`: items named by `EXPORT_SYMBOL*` in the file (or the listed files), no DOC blocks;
 * - `:internal: [files]`: items not so named, no DOC blocks;
 * - `:doc: TITLE`: the DOC block with that title;
 * - `:identifiers: a b` / `:functions: a b` (deprecated alias): those items; empty = all but DOC blocks;
 * - `:no-identifiers: a b`: every item except those.
 */
import type { KdocFile, KdocItem } from '../../kerneldoc/types.ts';

export interface DirectiveOptions {
  doc?: string;
  export?: string;
  internal?: string;
  identifiers?: string;
  'no-identifiers'?: string;
  functions?: string;
}

/** Selects items in file order. `exportsOf` returns the export set of another file (for `:export: f`). */
export function selectItems(file: KdocFile, opts: DirectiveOptions, exportsOf: (pattern: string) => string[] = () => []): KdocItem[] {
  const words = (s: string | undefined) => (s ?? '').split(/\s+/).filter(Boolean);
  const exported = () => {
    const extra = words(opts.export ?? opts.internal).flatMap(exportsOf);
    return new Set([...file.exports, ...extra]);
  };
  if (opts.doc !== undefined) {
    return file.items.filter((i) => i.kind === 'doc' && i.name === opts.doc.trim());
  }
  const nosym = new Set(words(opts['no-identifiers']));
  let picked: KdocItem[];
  if (opts.export !== undefined) {
    const ex = exported();
    picked = file.items.filter((i) => i.kind !== 'doc' && ex.has(i.name));
  } else if (opts.internal !== undefined) {
    const ex = exported();
    picked = file.items.filter((i) => i.kind !== 'doc' && !ex.has(i.name));
  } else if (opts.identifiers !== undefined || opts.functions !== undefined) {
    const ids = words(opts.identifiers ?? opts.functions);
    picked = ids.length ? file.items.filter((i) => ids.includes(i.name)) : file.items.filter((i) => i.kind !== 'doc');
  } else {
    picked = file.items;
  }
  return picked.filter((i) => !nosym.has(i.name));
}
