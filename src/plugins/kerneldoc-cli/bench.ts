/**
 * `npm run bench:kernel-doc [-- --tree PATH] [--extract [--archive FILE]] [--no-perl] [--batch N]
 * [--repeat N]`: times our parser against perl `scripts/kernel-doc -none` and `-rst` on every
 * `.c`/`.h` under `include/`, `drivers/gpu/` and `drivers/dma-buf/` of a full kernel tree and
 * prints JSON.
 *
 * How it measures (also stated in the JSON): the page cache is warmed for all contenders alike.
 * Ours runs each mode in a fresh node process (same flags as this one plus V8's `--single-threaded`,
 * so JIT compilation and GC run on the one thread too: one core, like perl), one pass over all
 * files with no warm-up pass: JIT warm-up is inside the timed loop; node start-up and module
 * loading are not (they are reported separately). CPU seconds are reported for both sides (perl's
 * from the children's rusage). Perl runs over the file list in batches (many
 * files per invocation, so spawn cost stays small); its timing includes each batch's start-up and
 * script compilation, estimated separately in the JSON. With `--repeat N` every contender runs N
 * times, interleaved, and the fastest run of each counts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
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

/** Wall and CPU seconds of perl over all files in batches. */
function timePerl(tree: string, files: string[], mode: string[], batch: number): { seconds: number; cpu: number } {
  const c0 = childrenCpuSeconds();
  const t0 = performance.now();
  for (let i = 0; i < files.length; i += batch) {
    const r = spawnSync('perl', ['scripts/kernel-doc', ...mode, ...files.slice(i, i + batch)], {
      cwd: tree,
      stdio: ['ignore', 'ignore', 'ignore'],
    });
    if (r.error) throw r.error;
  }
  return { seconds: (performance.now() - t0) / 1000, cpu: childrenCpuSeconds() - c0 };
}

let clockTicks = 0;
/** User + system CPU seconds of this process's waited-for children (`cutime + cstime` of /proc/self/stat). */
function childrenCpuSeconds(): number {
  if (!clockTicks) clockTicks = Number(spawnSync('getconf', ['CLK_TCK']).stdout?.toString().trim()) || 100;
  const stat = readFileSync('/proc/self/stat', 'latin1');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields after the command name start at field 3 (state): cutime is field 16, cstime 17.
  return (Number(f[13]) + Number(f[14])) / clockTicks;
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
  const abs = listFiles(tree);
  const files = abs.map((f) => relative(tree, f));

  // Warm the page cache for every contender alike (untimed).
  let bytes = 0;
  for (const f of abs) bytes += readFileSync(f).length;

  const batch = Number(opt('--batch') ?? 400);
  const repeat = Math.max(1, Number(opt('--repeat') ?? 1));
  const noPerl = flag('--no-perl');
  type PerlRun = { seconds: number; cpu: number };
  const runs: { rst: OursRun[]; none: OursRun[]; perlNone: PerlRun[]; perlRst: PerlRun[] } = {
    rst: [],
    none: [],
    perlNone: [],
    perlRst: [],
  };
  for (let k = 0; k < repeat; k++) {
    runs.rst.push(runOurs(tree, 'rst'));
    runs.none.push(runOurs(tree, 'none'));
    if (!noPerl) {
      runs.perlNone.push(timePerl(tree, files, ['-none'], batch));
      runs.perlRst.push(timePerl(tree, files, ['-rst', '-sphinx-version', '3.4.3'], batch));
    }
  }
  const best = <T extends { seconds: number }>(xs: T[]) => xs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  const rst = best(runs.rst);
  const none = best(runs.none);
  const ours = rst.seconds;
  const oursNone = none.seconds;
  const pNone = noPerl ? null : best(runs.perlNone);
  const pRst = noPerl ? null : best(runs.perlRst);
  const perlNone = pNone && pNone.seconds;
  const perlRst = pRst && pRst.seconds;
  const batches = Math.ceil(files.length / batch);
  const perlStartup = noPerl ? null : perlStartupSeconds(tree);
  const mb = bytes / 1e6;
  const r2 = (x: number) => Math.round(x * 100) / 100;
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  const result = {
    tree,
    dirs: DIRS,
    files: files.length,
    MB: r2(mb),
    items: rst.items,
    warnings: rst.warnings,
    method: {
      ours:
        'one fresh node process per mode with V8 --single-threaded (JIT and GC on the main thread), ' +
        'one pass over all files (read + parse + render), ' +
        'no warm-up pass (JIT warm-up included); node start-up and module loading excluded (see oursProcessSeconds). ' +
        'Every file is read; one without "/**" is not decoded or parsed (its output is known: no items), and ' +
        'EXPORT_SYMBOL is not scanned (perl scans it only for -export/-internal)',
      perl: `spawnSync per batch of ${batch} files (${batches} batches), start-up and script compilation included (see perlStartupSecondsPerBatch)`,
      pageCache: 'warmed for all contenders before timing',
      repeat: `${repeat} interleaved run(s) per contender, fastest counted`,
    },
    seconds: { ours: r2(ours), oursNone: r2(oursNone), perlNone: perlNone && r2(perlNone), perlRst: perlRst && r2(perlRst) },
    cpuSeconds: { ours: r2(rst.cpu), oursNone: r2(none.cpu), perlNone: pNone && r2(pNone.cpu), perlRst: pRst && r2(pRst.cpu) },
    oursProcessSeconds: { rst: r2(rst.process), none: r2(none.process) },
    perlStartupSecondsPerBatch: perlStartup && r3(perlStartup),
    allRuns: repeat > 1 ? { ours: runs.rst.map((r) => r2(r.seconds)), oursNone: runs.none.map((r) => r2(r.seconds)), perlNone: runs.perlNone.map((r) => r2(r.seconds)), perlRst: runs.perlRst.map((r) => r2(r.seconds)) } : undefined,
    MBperSecond: { ours: r2(mb / ours), oursNone: r2(mb / oursNone), perlNone: perlNone && r2(mb / perlNone), perlRst: perlRst && r2(mb / perlRst) },
    ratios: {
      perlNoneOverOurs: perlNone && r2(perlNone / ours),
      perlNoneOverOursNone: perlNone && r2(perlNone / oursNone),
      perlRstOverOurs: perlRst && r2(perlRst / ours),
      cpuPerlNoneOverOursNone: pNone && r2(pNone.cpu / none.cpu),
      cpuPerlRstOverOurs: pRst && r2(pRst.cpu / rst.cpu),
    },
    peakRssMB: r2(Math.max(rst.peakRssMB, none.peakRssMB)),
    exceptions: rst.exceptions,
    firstExceptions: rst.firstExceptions,
  };
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
}

/** What one child process reports. */
interface OursRun {
  seconds: number;
  cpu: number;
  process: number;
  items: number;
  warnings: number;
  peakRssMB: number;
  exceptions: number;
  firstExceptions: string[];
}

function listFiles(tree: string): string[] {
  return DIRS.flatMap((d) => (existsSync(join(tree, d)) ? walk(join(tree, d)) : [])).sort();
}

/** Runs this script as `--child MODE` in a fresh node process and reads its JSON. */
function runOurs(tree: string, mode: 'rst' | 'none'): OursRun {
  const t0 = performance.now();
  const args = ['--single-threaded', ...process.execArgv, fileURLToPath(import.meta.url), '--child', mode, '--tree', tree];
  const r = spawnSync(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 26,
  });
  const process_ = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`bench child (${mode}) failed`);
  return { ...(JSON.parse(r.stdout.toString()) as Omit<OursRun, 'process'>), process: process_ };
}

/** The child: one timed pass of our parser over every file, as one perl invocation would do. */
function child(tree: string, format: 'rst' | 'none'): void {
  const abs = listFiles(tree);
  const files = abs.map((f) => relative(tree, f));
  const errors: string[] = [];
  let items = 0;
  let warnings = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < abs.length; i++) {
    try {
      // -rst / -none without -export/-internal: perl does not scan exports, neither do we.
      const parsed = parseFile(abs[i]!, files[i]!, { noExports: true });
      items += parsed.items.length;
      warnings += renderKernelDoc([parsed], { format, mode: 'all' }).warnings.length;
    } catch (e) {
      errors.push(`${files[i]}: ${(e as Error).message}`);
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  const cu = process.cpuUsage(c0);
  const out = {
    seconds,
    cpu: (cu.user + cu.system) / 1e6,
    items,
    warnings,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    exceptions: errors.length,
    firstExceptions: errors.slice(0, 5),
  };
  process.stdout.write(JSON.stringify(out));
}

/** Perl's cost per invocation without work: start-up and compiling scripts/kernel-doc. */
function perlStartupSeconds(tree: string): number {
  const empty = join(tmpdir(), `kdoc-empty-${process.pid}.c`);
  writeFileSync(empty, '\n');
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    spawnSync('perl', ['scripts/kernel-doc', '-rst', empty], { cwd: tree, stdio: 'ignore' });
    best = Math.min(best, (performance.now() - t0) / 1000);
  }
  rmSync(empty, { force: true });
  return best;
}

const childMode = opt('--child');
if (childMode === 'rst' || childMode === 'none') child(opt('--tree')!, childMode);
else main();
