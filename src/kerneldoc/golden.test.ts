/**
 * Golden fixtures: hand-written `fixtures/*.c|*.h` → `*.items.json` (the parsed `KdocFile`) and
 * `*.rst` (our `-rst` output). Refresh with `UPDATE=1 npx vitest run src/kerneldoc/golden.test.ts`
 * and review the diff. Each fixture is also run through the kernel's perl tool in several modes,
 * and our output must equal perl's.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { kernelTree } from './kernel-tree.test-util.js';
import { formatWarning, renderKernelDoc, type OutputOptions } from './output.js';
import { parseKernelDoc } from './parser.js';

const dir = fileURLToPath(new URL('./fixtures/', import.meta.url));
const fixtures = readdirSync(dir).filter((f) => /\.[ch]$/.test(f)).sort();
const update = process.env.UPDATE === '1';

function golden(path: string, actual: string): void {
  if (update || !existsSync(path)) {
    writeFileSync(path, actual);
    if (!update) throw new Error(`golden file ${path} was missing; written, review and re-run`);
    return;
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

const MODES: { name: string; args: string[]; o: Omit<OutputOptions, 'exported'> }[] = [
  { name: '-rst', args: ['-rst', '-sphinx-version', '3.4.3'], o: { format: 'rst', mode: 'all' } },
  { name: '-rst -export', args: ['-rst', '-sphinx-version', '3.4.3', '-export'], o: { format: 'rst', mode: 'export' } },
  { name: '-rst -internal', args: ['-rst', '-sphinx-version', '3.4.3', '-internal'], o: { format: 'rst', mode: 'internal' } },
  {
    name: '-rst -enable-lineno',
    args: ['-rst', '-sphinx-version', '3.4.3', '-enable-lineno'],
    o: { format: 'rst', mode: 'all', enableLineno: true },
  },
  { name: '-none -Wall', args: ['-none', '-Wall'], o: { format: 'none', mode: 'all', wreturn: true, wshortDesc: true, wcontentsBeforeSections: true } },
  { name: '-none', args: ['-none'], o: { format: 'none', mode: 'all' } },
];

describe('golden fixtures', () => {
  it('has fixtures', () => expect(fixtures.length).toBeGreaterThanOrEqual(5));
  for (const f of fixtures) {
    const text = readFileSync(join(dir, f), 'latin1');
    const parsed = parseKernelDoc(text, f);
    it(`${f} → items.json`, () => golden(join(dir, `${f}.items.json`), JSON.stringify(parsed, null, 2) + '\n'));
    it(`${f} → rst`, () => golden(join(dir, `${f}.rst`), renderKernelDoc([parsed], { format: 'rst', mode: 'all' }).out));
  }
});

describe('fixtures: ours equals perl scripts/kernel-doc', () => {
  const script = join(kernelTree(), 'scripts/kernel-doc');
  for (const f of fixtures) {
    for (const m of MODES) {
      it(`${f} ${m.name}`, () => {
        const perl = spawnSync('perl', [script, ...m.args, f], { cwd: dir, encoding: 'latin1' });
        if (perl.error) throw perl.error;
        const parsed = parseKernelDoc(readFileSync(join(dir, f), 'latin1'), f);
        const r = renderKernelDoc([parsed], { ...m.o, exported: new Set(parsed.exports) });
        expect(r.out).toBe(perl.stdout);
        // perl's own interpreter noise ("Use of uninitialized value ...") is not part of the tool's output
        const sort = (s: string) =>
          s
            .split('\n')
            .filter((l) => !l.startsWith('Use of uninitialized value'))
            .sort()
            .join('\n');
        expect(sort(r.warnings.map(formatWarning).join(''))).toBe(sort(perl.stderr));
      });
    }
  }
});
