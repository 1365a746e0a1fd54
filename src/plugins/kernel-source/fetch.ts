/**
 * Gets a kernel tree the way a user would: the tree named by `KERNEL_SRC`, or Debian's
 * `linux-source-<ver>` package fetched with this machine's own apt client and configured mirror,
 * into an isolated apt state (own lists, status and cache dirs, so the system's apt state is never
 * touched; works as root and as a normal user), then only the needed paths extracted into the cache.
 *
 * The only network access is that apt download; a cached tree is reused without any.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseDeb822, parseOneLine, pickDebianMirror, isolatedSourcesList, type AptSource } from './apt-sources.ts';
import { cacheRoot, readStamp, releaseOfTree, treeDir, writeStamp } from './cache.ts';
import { Progress } from './progress.ts';
import { DEFAULT_KERNEL_VERSION, kernelVersion, subsetPaths, type KernelVersionInfo } from './versions.ts';

export interface EnsureOptions {
  version?: string;
  /** Extract the whole tree (for the parser benchmark) instead of the site subset. */
  full?: boolean;
  /** Log lines go here (default: stderr). */
  log?: (line: string) => void;
}

export interface KernelTree {
  dir: string;
  version: string;
  release: string;
  /** `KERNEL_SRC` or the Debian package version. */
  source: string;
}

export class KernelSourceError extends Error {}

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

/** Returns a usable tree, fetching and extracting it on first use. */
export async function ensureKernelTree(opts: EnsureOptions = {}): Promise<KernelTree> {
  const log = opts.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const info = kernelVersion(opts.version ?? DEFAULT_KERNEL_VERSION);
  const user = process.env.KERNEL_SRC;
  if (user) return userTree(path.resolve(user), info);

  const dir = treeDir(info.version, opts.full);
  const stamp = readStamp(dir);
  if (stamp) return { dir, version: info.version, release: stamp.release, source: stamp.source };

  if (!has('apt-get') || !has('dpkg-deb')) {
    throw new KernelSourceError(
      `No kernel tree for ${info.version}: this machine has no apt-get/dpkg-deb to fetch Debian's ` +
        `${info.package} package, and KERNEL_SRC is not set.\n` +
        `Either run on a Debian machine (the package comes from suite ${info.suite} of its configured mirror), ` +
        `or point at a kernel tree: KERNEL_SRC=/path/to/linux npm start`,
    );
  }
  const deb = await downloadPackage(info, log);
  await extractTree(deb.file, info, dir, Boolean(opts.full), log);
  const release = releaseOfTree(dir) ?? info.version;
  writeStamp(dir, {
    version: info.version,
    source: deb.version,
    release,
    full: Boolean(opts.full),
    paths: opts.full ? ['*'] : subsetPaths(info),
    createdAt: new Date().toISOString(),
  });
  log(`kernel ${release} (${info.package} ${deb.version}) ready in ${dir}`);
  return { dir, version: info.version, release, source: deb.version };
}

function userTree(dir: string, info: KernelVersionInfo): KernelTree {
  const need = ['Documentation/driver-api/dma-buf.rst', 'drivers/dma-buf', 'include/linux/dma-buf.h'];
  const missing = need.filter((p) => !fs.existsSync(path.join(dir, p)));
  if (missing.length) {
    throw new KernelSourceError(`KERNEL_SRC=${dir} is not a kernel tree: missing ${missing.join(', ')}`);
  }
  const release = releaseOfTree(dir) ?? 'unknown';
  const mm = /^(\d+\.\d+)/.exec(release)?.[1];
  const version = mm ?? info.version;
  return { dir, version, release, source: 'KERNEL_SRC' };
}

/** The system's apt sources (deb822 and one-line), read without running apt. */
export function systemAptSources(): AptSource[] {
  const out: AptSource[] = [];
  const read = (f: string) => {
    try {
      return fs.readFileSync(f, 'utf8');
    } catch {
      return '';
    }
  };
  out.push(...parseOneLine(read('/etc/apt/sources.list')));
  const dirPath = '/etc/apt/sources.list.d';
  let names: string[] = [];
  try {
    names = fs.readdirSync(dirPath).sort();
  } catch {
    /* none */
  }
  for (const n of names) {
    if (n.endsWith('.sources')) out.push(...parseDeb822(read(path.join(dirPath, n))));
    else if (n.endsWith('.list')) out.push(...parseOneLine(read(path.join(dirPath, n))));
  }
  return out;
}

function aptOptions(work: string): string[] {
  const o = (k: string, v: string) => ['-o', `${k}=${v}`];
  const opts = [
    ...o('Dir::Etc::sourcelist', path.join(work, 'sources.list')),
    ...o('Dir::Etc::sourceparts', '-'),
    ...o('Dir::State::Lists', path.join(work, 'lists')),
    ...o('Dir::State::status', path.join(work, 'status')),
    ...o('Dir::Cache', path.join(work, 'cache')),
    ...o('Debug::NoLocking', '1'),
    ...o('APT::Get::List-Cleanup', '0'),
  ];
  if (process.getuid?.() === 0) opts.push(...o('APT::Sandbox::User', 'root'));
  return opts;
}

function run(cmd: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
    p.on('error', reject);
    p.on('close', (code) => (code === 0 ? resolve() : reject(new KernelSourceError(`${cmd} ${args.slice(-2).join(' ')} exited with ${code}`))));
  });
}

async function downloadPackage(info: KernelVersionInfo, log: (l: string) => void): Promise<{ file: string; version: string }> {
  const work = path.join(cacheRoot(), `apt-${info.suite}`);
  const existing = fs.existsSync(work) ? fs.readdirSync(work).find((f) => f.startsWith(`${info.package}_`) && f.endsWith('.deb')) : undefined;
  if (existing) {
    log(`using cached ${existing}`);
    return { file: path.join(work, existing), version: existing.split('_')[1] };
  }
  const mirror = pickDebianMirror(systemAptSources());
  if (!mirror) {
    throw new KernelSourceError(
      'No Debian mirror found in /etc/apt/sources.list{,.d}: add one, or point at a kernel tree with KERNEL_SRC=/path/to/linux',
    );
  }
  for (const d of ['lists/partial', 'cache/archives/partial']) fs.mkdirSync(path.join(work, d), { recursive: true });
  fs.writeFileSync(path.join(work, 'status'), '');
  fs.writeFileSync(path.join(work, 'sources.list'), isolatedSourcesList(mirror, info.suite));
  const opts = aptOptions(work);
  log(`fetching the ${info.suite} package index with apt (isolated state in ${work})`);
  await run('apt-get', [...opts, '-q', 'update'], work);
  const show = spawnSync('apt-cache', [...opts, 'show', '--no-all-versions', info.package], { encoding: 'utf8' });
  const size = Number(/^Size:\s*(\d+)/m.exec(show.stdout ?? '')?.[1] ?? 0);
  const version = /^Version:\s*(\S+)/m.exec(show.stdout ?? '')?.[1];
  if (!version) throw new KernelSourceError(`${info.package} is not in ${info.suite} on ${mirror.uri}`);
  log(`downloading ${info.package} ${version} (${(size / 1048576).toFixed(0)} MB)`);
  const bar = new Progress(`download ${info.package}`, size);
  const timer = setInterval(() => bar.update(dirBytes(work, '.deb')), 250);
  try {
    await run('apt-get', [...opts, '-q', 'download', info.package], work);
  } finally {
    clearInterval(timer);
  }
  bar.done();
  const file = fs.readdirSync(work).find((f) => f.startsWith(`${info.package}_`) && f.endsWith('.deb'));
  if (!file) throw new KernelSourceError(`apt-get download left no ${info.package} .deb in ${work}`);
  return { file: path.join(work, file), version };
}

function dirBytes(dir: string, suffix: string): number {
  let n = 0;
  for (const d of [dir, path.join(dir, 'partial')]) {
    try {
      for (const f of fs.readdirSync(d)) if (f.includes(suffix)) n += fs.statSync(path.join(d, f)).size;
    } catch {
      /* not there yet */
    }
  }
  return n;
}

/** Streams `.deb` → inner `linux-source-<ver>.tar.xz` → xz → tar, extracting only what is needed. */
async function extractTree(deb: string, info: KernelVersionInfo, dest: string, full: boolean, log: (l: string) => void): Promise<void> {
  const inner = `./usr/src/linux-source-${info.version}.tar.xz`;
  const listing = spawnSync('dpkg-deb', ['-c', deb], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const sizeLine = listing.stdout.split('\n').find((l) => l.endsWith(inner.slice(1)));
  const total = Number(sizeLine?.trim().split(/\s+/)[2] ?? 0);
  const tmp = `${dest}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  const top = `linux-source-${info.version}`;
  const members = full ? [] : subsetPaths(info).map((p) => `${top}/${p.endsWith('/') ? p.slice(0, -1) : p}`);
  log(`extracting ${full ? 'the whole tree' : members.length + ' paths'} into ${dest}`);
  const bar = new Progress('extract', total);
  await new Promise<void>((resolve, reject) => {
    const fail = (what: string) => (code: number | null) => {
      if (code !== 0 && code !== null) reject(new KernelSourceError(`${what} exited with ${code}`));
    };
    const p1 = spawn('dpkg-deb', ['--fsys-tarfile', deb], { stdio: ['ignore', 'pipe', 'inherit'] });
    const p2 = spawn('tar', ['-xO', '-f', '-', inner], { stdio: ['pipe', 'pipe', 'inherit'] });
    const p3 = spawn('xz', ['-T0', '-dc'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const p4 = spawn('tar', ['-x', '-f', '-', '-C', tmp, '--strip-components=1', ...members], { stdio: ['pipe', 'ignore', 'inherit'] });
    p1.stdout.pipe(p2.stdin);
    let done = 0;
    p2.stdout.on('data', (chunk: Buffer) => {
      done += chunk.length;
      bar.update(done);
    });
    p2.stdout.pipe(p3.stdin);
    p3.stdout.pipe(p4.stdin);
    for (const [p, n] of [[p1, 'dpkg-deb'], [p2, 'tar (outer)'], [p3, 'xz'], [p4, 'tar']] as const) {
      p.on('error', reject);
      p.on('close', fail(n));
    }
    p4.on('close', (code) => (code === 0 ? resolve() : undefined));
  });
  bar.done();
  fs.rmSync(dest, { recursive: true, force: true });
  fs.renameSync(tmp, dest);
}
