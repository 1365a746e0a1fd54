/**
 * The outputs of the command line: `-rst`, `-none` and `-json`, over parsed files.
 */
import { itemToRst } from './output-rst.js';
import { fileWarnings, isSelected, isWarningShown, type SelectOptions } from './select.js';
import type { KdocFile, KdocWarning } from './types.js';

/** Output format and switches. */
export interface OutputOptions extends SelectOptions {
  format: 'rst' | 'none' | 'json';
  /** `-enable-lineno`. */
  enableLineno?: boolean;
}

/** What one invocation prints: stdout text and the warnings for stderr, in order. */
export interface OutputResult {
  out: string;
  warnings: KdocWarning[];
}

/** Formats a warning as perl prints it on stderr (with the final newline). */
export function formatWarning(w: KdocWarning): string {
  return `${w.file}:${w.line}: ${w.severity === 'error' ? 'error' : 'warning'}: ${w.message}\n`;
}

/**
 * Renders parsed files as one perl invocation over them would.
 * Mirrors: scripts/kernel-doc: process_file (the output side) and output_declaration, v6.12.
 */
export function renderKernelDoc(files: readonly KdocFile[], o: OutputOptions): OutputResult {
  const warnings: KdocWarning[] = [];
  let out = '';
  if (o.format === 'json') {
    const sel = files.map((f) => ({ ...f, items: f.items.filter((it) => isSelected(it, o)) }));
    out = JSON.stringify(sel.length === 1 ? sel[0] : sel, null, 2) + '\n';
  }
  for (const f of files) {
    let counter = 0;
    let r = 0;
    // Indexed only when present (a shared empty array would be a second array shape here).
    const rejected = f.rejected;
    const nRejected = rejected ? rejected.length : 0;
    for (let i = 0; i < f.items.length; i++) {
      const it = f.items[i]!;
      for (; r < nRejected && rejected![r]!.beforeItem <= i; r++) {
        if (o.format === 'rst' && o.enableLineno) out += `.. LINENO ${rejected![r]!.line}\n`;
      }
      if (o.format === 'rst' && o.enableLineno && it.viaDumpFunction) out += `.. LINENO ${it.protoLine}\n`;
      if (!isSelected(it, o)) continue;
      counter++;
      if (o.format === 'rst') out += itemToRst(it, { enableLineno: o.enableLineno, contentOnly: o.mode === 'include' });
    }
    for (; r < nRejected; r++) if (o.format === 'rst' && o.enableLineno) out += `.. LINENO ${rejected![r]!.line}\n`;
    for (const w of fileWarnings(f)) if (isWarningShown(w, o)) warnings.push(w);
    if (counter === 0 && o.format !== 'none') {
      if (o.mode === 'include') {
        for (const name of o.functions ?? []) warnings.push({ file: f.file, line: 1, message: `'${name}' not found` });
      } else warnings.push({ file: f.file, line: 1, message: 'no structured comments found' });
    }
  }
  return { out, warnings };
}
