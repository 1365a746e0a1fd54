/**
 * Which items a `.. kernel-doc::` directive shows. The options are translated into the kernel
 * tool's command line exactly as the kernel's Sphinx extension does it
 * (`Documentation/sphinx/kerneldoc.py`, v6.12), and the selection itself is our parser's port of
 * perl's (`isSelected`), so a directive shows what docs.kernel.org shows:
 *
 * - no option: every item of the file, DOC blocks included;
 * - `:export: [files]` → `-export [-export-file F]...`; `:internal: [files]` → `-internal ...`;
 * - `:doc: TITLE` → `-function TITLE`;
 * - `:identifiers: a b` → `-function a -function b`; empty → `-no-doc-sections`;
 *   `:functions:` is the deprecated alias of `:identifiers:`;
 * - `:no-identifiers: a b` → `-nosymbol a -nosymbol b`.
 */
import { isSelected, type SelectOptions } from '../../kerneldoc/index.ts';
import type { KdocFile, KdocItem } from '../../kerneldoc/types.ts';

export interface DirectiveOptions {
  doc?: string;
  export?: string;
  internal?: string;
  identifiers?: string;
  'no-identifiers'?: string;
  functions?: string;
}

const words = (s: string | undefined) => (s ?? '').split(/\s+/).filter(Boolean);

/** The kernel tool's selection switches for a directive (see the module comment). */
export function directiveSelection(file: KdocFile, opts: DirectiveOptions, exportsOf: (pattern: string) => string[]): SelectOptions {
  const identifiers = opts.identifiers ?? opts.functions;
  const nosymbol = words(opts['no-identifiers']);
  if (opts.export !== undefined || opts.internal !== undefined) {
    const patterns = words(opts.export ?? opts.internal);
    return {
      mode: opts.export !== undefined ? 'export' : 'internal',
      exported: new Set([...file.exports, ...patterns.flatMap(exportsOf)]),
      nosymbol,
    };
  }
  if (opts.doc !== undefined) return { mode: 'include', functions: [opts.doc.trim()], nosymbol };
  if (identifiers !== undefined) {
    const ids = words(identifiers);
    return ids.length ? { mode: 'include', functions: ids, nosymbol } : { mode: 'all', noDocSections: true, nosymbol };
  }
  return { mode: 'all', nosymbol };
}

/** Selects a directive's items in file order. `exportsOf` gives another file's exports (`:export: f`). */
export function selectItems(file: KdocFile, opts: DirectiveOptions, exportsOf: (pattern: string) => string[] = () => []): KdocItem[] {
  const sel = directiveSelection(file, opts, exportsOf);
  return file.items.filter((i) => isSelected(i, sel));
}
