/**
 * Which items and which warnings an invocation prints: `-export`, `-internal`, `-function NAME`,
 * `-nosymbol`, `-no-doc-sections` and the `-W*` switches.
 */
import type { KdocFile, KdocItem, KdocWarning } from './types.js';

/** Selection and warning switches, as perl's command line sets them. */
export interface SelectOptions {
  /** OUTPUT_ALL, OUTPUT_INCLUDE (`-function`), OUTPUT_EXPORTED (`-export`), OUTPUT_INTERNAL (`-internal`). */
  mode: 'all' | 'include' | 'export' | 'internal';
  /** `-function NAME` values (mode `include`). */
  functions?: readonly string[];
  /** Exported symbols for `export`/`internal`: those of the files given plus `-export-file`s. */
  exported?: ReadonlySet<string>;
  /** `-nosymbol NAME` values. */
  nosymbol?: readonly string[];
  noDocSections?: boolean;
  /** `-Wreturn` (or `-Wall`). */
  wreturn?: boolean;
  /** `-Wshort-desc` (or `-Wall`). */
  wshortDesc?: boolean;
  /** `-Wcontents-before-sections` (or `-Wall`). */
  wcontentsBeforeSections?: boolean;
}

/** Perl's `$functype` for `output_declaration` of an item. */
export function functype(item: KdocItem): string {
  switch (item.kind) {
    case 'function':
    case 'macro':
      return 'function';
    case 'typedef':
      return item.prototype !== undefined ? 'function' : 'typedef';
    case 'struct':
    case 'union':
      return 'struct';
    default:
      return item.kind;
  }
}

const NONE: ReadonlySet<string> = new Set();

function table(o: SelectOptions): ReadonlySet<string> {
  if (o.mode === 'include') return new Set(o.functions ?? []);
  if (o.mode === 'export' || o.mode === 'internal') return o.exported ?? NONE;
  return NONE;
}

/** Mirrors: scripts/kernel-doc: output_declaration and dump_doc_section (the selection tests), v6.12. */
export function isSelected(item: KdocItem, o: SelectOptions): boolean {
  if (o.nosymbol?.includes(item.name)) return false;
  const t = table(o);
  if (item.kind === 'doc') {
    if (o.noDocSections) return false;
    return o.mode === 'all' || (o.mode === 'include' && t.has(item.name));
  }
  switch (o.mode) {
    case 'all':
      return true;
    case 'include':
    case 'export':
      return t.has(item.name);
    case 'internal':
      return !(functype(item) === 'function' && t.has(item.name));
  }
}

/** Mirrors: scripts/kernel-doc: show_warnings (plus the `-W*` switches), v6.12. */
export function isWarningShown(w: KdocWarning, o: SelectOptions): boolean {
  if (w.flag === 'return' && !o.wreturn) return false;
  if (w.flag === 'short-desc' && !o.wshortDesc) return false;
  if (w.flag === 'contents-before-sections' && !o.wcontentsBeforeSections) return false;
  if (!w.gate) return true;
  const { type, name } = w.gate;
  if (o.nosymbol?.includes(name)) return false;
  const t = table(o);
  switch (o.mode) {
    case 'all':
      return true;
    case 'include':
    case 'export':
      return t.has(name);
    case 'internal':
      return !(type === 'function' && t.has(name));
  }
}

/** All warnings of a file (items' and the file's own) in emission order. */
export function fileWarnings(f: KdocFile): KdocWarning[] {
  const all = [...f.warnings];
  for (const it of f.items) all.push(...it.warnings);
  return all.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0) || a.line - b.line);
}
