/**
 * Differential test against the kernel's own `scripts/kernel-doc` (perl) on the cached tree: every
 * `.. kernel-doc::` directive of Documentation/driver-api/dma-buf.rst, run through both tools.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { directiveArgs, kernelDocDirectives, kernelTree, runPerlKernelDoc } from './kernel-tree.test-util.js';
import { renderKernelDoc, type OutputOptions } from './output.js';
import { parseKernelDoc } from './parser.js';
import { norm, rstItems, type RstItem } from './rst-structure.test-util.js';
import { isSelected, functype } from './select.js';
import { scanExports } from './exports.js';
import type { KdocItem } from './types.js';
import { perlRstInline, renderBodyRst } from './highlight-rst.js';

const tree = kernelTree();
const directives = kernelDocDirectives(readFileSync(join(tree, 'Documentation/driver-api/dma-buf.rst'), 'utf8'));
const read = (f: string) => readFileSync(join(tree, f), 'latin1');

/** The rst directive perl uses for an item of ours. */
function directiveOf(it: KdocItem): string {
  if (it.kind === 'doc') return 'doc';
  if (it.kind === 'struct' || it.kind === 'union' || it.kind === 'enum') return `c:${it.kind}`;
  if (functype(it) === 'typedef') return 'c:type';
  return it.kind === 'function' && it.returnType ? 'c:function' : 'c:macro';
}

/** Our item seen the way `rstItems` sees perl's. */
function asRstView(it: KdocItem) {
  const entries =
    it.kind === 'struct' || it.kind === 'union'
      ? it.params.filter((p) => !p.directive && p.rawDescription !== undefined).map((p) => p.name)
      : it.kind === 'enum'
        ? it.params.map((p) => p.name)
        : it.params.map((p) => p.declaration || p.name);
  const descs = it.params.map((p) => (p.rawDescription === undefined ? '' : norm(renderBodyRst(p.rawDescription, perlRstInline))));
  return { kind: directiveOf(it), name: it.name, entries, sections: it.sections.map((s) => s.name), descs };
}

function ourRun(file: string, extra: { args: string[]; exportFiles: string[] }, format: 'rst' | 'none', wall = false) {
  const parsed = parseKernelDoc(read(file), file);
  const o: OutputOptions = { format, mode: 'all' };
  const a = extra.args;
  if (a[0] === '-export') o.mode = 'export';
  if (a[0] === '-internal') o.mode = 'internal';
  if (a[0] === '-function') {
    o.mode = 'include';
    o.functions = a.filter((_, i) => i % 2 === 1);
  }
  if (a.includes('-no-doc-sections')) o.noDocSections = true;
  if (o.mode === 'export' || o.mode === 'internal') {
    o.exported = new Set([...parsed.exports, ...extra.exportFiles.flatMap((f) => scanExports(read(f)))]);
  }
  if (wall) o.wreturn = o.wshortDesc = o.wcontentsBeforeSections = true;
  const r = renderKernelDoc([parsed], o);
  const lines = r.warnings.map((w) => `${w.file}:${w.line}: ${w.severity ?? 'warning'}: ${w.message}`);
  return { parsed, out: r.out, errLines: lines, selected: parsed.items.filter((it) => isSelected(it, o)) };
}

const errLines = (err: string) =>
  err
    .split(/\n(?=\S+:\d+: (?:warning|error): )/)
    .map((s) => s.replace(/\n$/, ''))
    .filter(Boolean);

function describeDiff(perl: RstItem[], ours: RstItem[]): string[] {
  const problems: string[] = [];
  const n = Math.max(perl.length, ours.length);
  for (let i = 0; i < n; i++) {
    const p = perl[i];
    const o = ours[i];
    const id = `${p?.kind ?? '-'} ${p?.name ?? '-'}`;
    if (!p || !o) problems.push(`item ${i}: perl ${p ? id : '(none)'} vs ours ${o ? `${o.kind} ${o.name}` : '(none)'}`);
    else if (p.kind !== o.kind || p.name !== o.name) problems.push(`item ${i}: perl ${id} vs ours ${o.kind} ${o.name}`);
    else if (JSON.stringify(p.entries) !== JSON.stringify(o.entries))
      problems.push(`${id}: entries perl ${JSON.stringify(p.entries)} vs ours ${JSON.stringify(o.entries)}`);
    else if (JSON.stringify(p.sections) !== JSON.stringify(o.sections))
      problems.push(`${id}: sections perl ${JSON.stringify(p.sections)} vs ours ${JSON.stringify(o.sections)}`);
    else if (p.text !== o.text) {
      let k = 0;
      while (p.text[k] === o.text[k]) k++;
      problems.push(`${id}: text differs at ${k}: perl …${p.text.slice(k - 40, k + 60)}… ours …${o.text.slice(k - 40, k + 60)}…`);
    }
  }
  return problems;
}

describe('differential: Documentation/driver-api/dma-buf.rst directives vs perl scripts/kernel-doc', () => {
  it('finds the directives', () => {
    expect(directives.length).toBeGreaterThan(20);
  });

  for (const d of directives) {
    const extra = directiveArgs(d);
    const label = `${d.file} ${extra.args.join(' ') || '(all)'}`;
    it(`rst: ${label}`, () => {
      const perl = runPerlKernelDoc(tree, ['-rst', '-sphinx-version', '3.4.3', ...extra.args, ...extra.exportFiles.flatMap((f) => ['-export-file', f]), d.file]);
      const ours = ourRun(d.file, extra, 'rst');
      const perlItems = rstItems(perl.out);
      expect(perlItems.length, 'perl printed nothing').toBeGreaterThan(0);
      // 1. our data model against perl's output: identifiers, kinds, entries, sections, descriptions
      const view = ours.selected.map(asRstView);
      const modelProblems: string[] = [];
      if (view.length !== perlItems.length) {
        modelProblems.push(`items: perl [${perlItems.map((p) => p.name).join(', ')}] vs ours [${view.map((v) => v.name).join(', ')}]`);
      }
      view.forEach((v, i) => {
        const p = perlItems[i];
        if (!p) return;
        const id = `${p.kind} ${p.name}`;
        if (v.kind !== p.kind || (v.kind !== 'doc' && v.name !== p.name)) modelProblems.push(`item ${i}: perl ${id} vs ours ${v.kind} ${v.name}`);
        if (v.kind === 'doc') {
          if (!p.text.includes(norm(renderBodyRst(ours.selected[i]!.sections[0]?.raw ?? '', perlRstInline)))) modelProblems.push(`${id}: DOC text`);
          return;
        }
        if (JSON.stringify(v.entries) !== JSON.stringify(p.entries))
          modelProblems.push(`${id}: entries perl ${JSON.stringify(p.entries)} vs ours ${JSON.stringify(v.entries)}`);
        if (JSON.stringify(v.sections) !== JSON.stringify(p.sections))
          modelProblems.push(`${id}: sections perl ${JSON.stringify(p.sections)} vs ours ${JSON.stringify(v.sections)}`);
        for (const [k, desc] of v.descs.entries()) if (desc && !p.text.includes(desc)) modelProblems.push(`${id}: description of ${v.entries[k] ?? k}`);
        for (const s of ours.selected[i]!.sections) {
          const t = norm(renderBodyRst(s.raw ?? '', perlRstInline));
          if (t && !p.text.includes(t)) modelProblems.push(`${id}: section ${s.name} text`);
        }
      });
      expect(modelProblems, `data model vs perl for ${label}`).toEqual([]);
      // 2. our rst against perl's, item by item, then byte for byte
      expect(describeDiff(perlItems, rstItems(ours.out)), `rst items for ${label}`).toEqual([]);
      expect(ours.out).toBe(perl.out);
      expect(ours.errLines.sort()).toEqual(errLines(perl.err).sort());
    });
  }

  for (const file of [...new Set(directives.map((d) => d.file))]) {
    it(`warnings -none -Wall: ${file}`, () => {
      const perl = runPerlKernelDoc(tree, ['-none', '-Wall', file]);
      const ours = ourRun(file, { args: [], exportFiles: [] }, 'none', true);
      expect(ours.errLines.sort()).toEqual(errLines(perl.err).sort());
    });
  }
});
