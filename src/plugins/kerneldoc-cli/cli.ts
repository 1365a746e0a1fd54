/**
 * `npm run kernel-doc -- [-rst|-none|-json] [-export|-internal|-function NAME] [-Wall] FILE...`:
 * the TypeScript port run like the kernel's `scripts/kernel-doc`, same stdout and stderr.
 * Files are read as latin1 so bytes round-trip exactly as in perl.
 */
import { readFileSync } from 'node:fs';
import { renderKernelDoc, scanExports, formatWarning } from '../../kerneldoc/index.js';
import { parseFile } from './read.js';
import { parseArgs } from './args.js';

function main(argv: string[]): number {
  let args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return 1;
  }
  const { opts, exportFiles, files } = args;
  const parsed = [];
  let errors = 0;
  // Exports are printed by -json and used by -export/-internal; otherwise perl does not scan them.
  const noExports = opts.format !== 'json' && opts.mode !== 'export' && opts.mode !== 'internal';
  for (const f of files) {
    try {
      parsed.push(parseFile(f, f, { noExports }));
    } catch {
      process.stderr.write(`Error: Cannot open file ${f}\n`);
      errors++;
    }
  }
  if (opts.mode === 'export' || opts.mode === 'internal') {
    const exported = new Set<string>();
    for (const f of exportFiles) {
      try {
        for (const s of scanExports(readFileSync(f, 'latin1'))) exported.add(s);
      } catch {
        process.stderr.write(`Error: Cannot open file ${f}\n`);
        errors++;
      }
    }
    for (const p of parsed) for (const s of p.exports) exported.add(s);
    opts.exported = exported;
  }
  const { out, warnings } = renderKernelDoc(parsed, opts);
  process.stdout.write(Buffer.from(out, 'latin1'));
  process.stderr.write(Buffer.from(warnings.map(formatWarning).join(''), 'latin1'));
  errors += warnings.filter((w) => w.severity === 'error').length;
  return opts.format === 'none' ? 0 : errors;
}

process.exitCode = main(process.argv.slice(2));
