/**
 * `npm run bench:kernel-doc [-- --tree PATH] [--extract [--archive FILE]] [--no-perl] [--batch N]`:
 * times our parser against perl `scripts/kernel-doc -none` and `-rst` on every `.c`/`.h` under
 * `include/`, `drivers/gpu/` and `drivers/dma-buf/` of a full kernel tree and prints JSON.
 * Perl runs over the file list in batches (many files per invocation) so spawn cost stays small.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { renderKernelDoc } from '../../kerneldoc/index.js';
import { parseFile } from './read.js';

const DIRS = ['include', 'drivers/gpu', 'drivers/dma-buf'];

function opt(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const flag = (name: string) => process.argv.includes(name);

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile() && /\.[ch]$/.test(e.name)) out.push(p);
  }
  return out;
}

/** Finds a `linux-source-*.deb` or `linux-source-*.tar.xz` in the cache. */
function findArchive(cache: string): string | undefined {
  if (!existsSync(cache)) return undefined;
  for (const d of [cache, ...readdirSync(cache).map((e) => join(cache, e))]) {
    try {
      for (const f of readdirSync(d)) if (/^linux-source-.*\.(deb|tar\.xz)$/.test(f)) return join(d, f);
    } catch {
      /* not a directory */
    }
  }
  return undefined;
}

function run(cmd: string, args: string[], cwd?: string): void {
  const r = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
}

/** Unpacks a full tree from the Debian `linux-source` package (.deb → .tar.xz → tree). */
function extract(tree: string, archive: string): void {
  let tarball = archive;
  if (archive.endsWith('.deb')) {
    const tmp = join(tmpdir(), `kdoc-deb-${process.pid}`);
    mkdirSync(tmp, { recursive: true });
    run('dpkg-deb', ['-x', archive, tmp]);
    const src = join(tmp, 'usr/src');
    const t = readdirSync(src).find((f) => /^linux-source-.*\.tar\.xz$/.test(f));
    if (!t) throw new Error(`no linux-source tarball inside ${archive}`);
    tarball = join(src, t);
  }
  mkdirSync(tree, { recursive: true });
  run('tar', ['-xJf', tarball, '-C', tree, '--strip-components=1']);
}

function timePerl(tree: string, files: string[], mode: string[], batch: number): number {
  const t0 = performance.now();
  for (let i = 0; i < files.length; i += batch) {
    const r = spawnSync('perl', ['scripts/kernel-doc', ...mode, ...files.slice(i, i + batch)], {
      cwd: tree,
      stdio: ['ignore', 'ignore', 'ignore'],
    });
    if (r.error) throw r.error;
  }
  return (performance.now() - t0) / 1000;
}

function main(): void {
  const cache = join(homedir(), '.cache/dma-buf-docs');
  const tree = opt('--tree') ?? join(cache, 'linux-6.12-full');
  if (!existsSync(join(tree, 'scripts/kernel-doc'))) {
    const archive = opt('--archive') ?? findArchive(cache);
    if (flag('--extract') && archive) {
      process.stderr.write(`extracting ${archive} into ${tree}\n`);
      extract(tree, archive);
    } else {
      process.stderr.write(
        `No full kernel tree at ${tree}.\n` +
          `Get the Debian package with \`npm run kernel-source\` (or apt-get download linux-source-6.12),\n` +
          `then run with --extract [--archive path/to/linux-source-6.12_*.deb|.tar.xz], or pass --tree PATH.\n`,
      );
      process.exitCode = 2;
      return;
    }
  }
  const abs = DIRS.flatMap((d) => (existsSync(join(tree, d)) ? walk(join(tree, d)) : [])).sort();
  const files = abs.map((f) => relative(tree, f));

  // Warm the page cache for every contender alike (untimed).
  let bytes = 0;
  for (const f of abs) bytes += readFileSync(f).length;

  // Ours: read (bytes once, latin1), parse, render rst (superset of -none's work).
  const errors: string[] = [];
  let items = 0;
  let warnings = 0;
  const t0 = performance.now();
  for (let i = 0; i < abs.length; i++) {
    try {
      const parsed = parseFile(abs[i]!, files[i]!);
      items += parsed.items.length;
      warnings += renderKernelDoc([parsed], { format: 'rst', mode: 'all' }).warnings.length;
    } catch (e) {
      errors.push(`${files[i]}: ${(e as Error).message}`);
    }
  }
  const ours = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  for (let i = 0; i < abs.length; i++) {
    try {
      renderKernelDoc([parseFile(abs[i]!, files[i]!)], { format: 'none', mode: 'all' });
    } catch {
      /* counted above */
    }
  }
  const oursNone = (performance.now() - t1) / 1000;
  const peakRssMB = process.resourceUsage().maxRSS / 1024;

  const batch = Number(opt('--batch') ?? 400);
  const perlNone = flag('--no-perl') ? null : timePerl(tree, files, ['-none'], batch);
  const perlRst = flag('--no-perl') ? null : timePerl(tree, files, ['-rst', '-sphinx-version', '3.4.3'], batch);
  const mb = bytes / 1e6;
  const r2 = (x: number) => Math.round(x * 100) / 100;
  const result = {
    tree,
    dirs: DIRS,
    files: files.length,
    MB: r2(mb),
    items,
    warnings,
    seconds: { ours: r2(ours), oursNone: r2(oursNone), perlNone: perlNone && r2(perlNone), perlRst: perlRst && r2(perlRst) },
    MBperSecond: { ours: r2(mb / ours), perlNone: perlNone && r2(mb / perlNone), perlRst: perlRst && r2(mb / perlRst) },
    ratios: {
      perlNoneOverOurs: perlNone && r2(perlNone / ours),
      perlNoneOverOursNone: perlNone && r2(perlNone / oursNone),
      perlRstOverOurs: perlRst && r2(perlRst / ours),
    },
    peakRssMB: r2(peakRssMB),
    exceptions: errors.length,
    firstExceptions: errors.slice(0, 5),
  };
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
}

main();
