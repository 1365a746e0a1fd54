/**
 * `EXPORT_SYMBOL*()` detection for `-export` / `-internal`.
 */
import { pre } from './perl-regex.js';

const exportSymbol = pre(String.raw`^\s*EXPORT_SYMBOL(_GPL)?\s*\(\s*(\w+)\s*\)\s*;`);
// The namespace is a bare word up to 6.12 and a string literal from 6.13 on (`"DMA_BUF"`); the
// kernel's tool of each version accepts its own form, and accepting both changes nothing for 6.12.
const exportSymbolNs = pre(String.raw`^\s*EXPORT_SYMBOL_NS(_GPL)?\s*\(\s*(\w+)\s*,\s*(?:\w+|"[^"]*")\s*\)\s*;`);

/**
 * Symbols a file exports, in order (duplicates kept once). Physical lines, no joining, as perl
 * reads export files. Mirrors: scripts/kernel-doc: process_export_file, v6.12.
 */
export function scanExports(text: string): string[] {
  const out = new Set<string>();
  let from = 0;
  for (;;) {
    const i = text.indexOf('EXPORT_SYMBOL', from);
    if (i < 0) break;
    const start = text.lastIndexOf('\n', i) + 1;
    let end = text.indexOf('\n', i);
    end = end < 0 ? text.length : end + 1;
    const line = text.slice(start, end);
    const m = exportSymbol.exec(line) ?? exportSymbolNs.exec(line);
    if (m) out.add(m[2]!);
    from = end;
  }
  return [...out];
}
