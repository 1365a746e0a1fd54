/**
 * Where kernel trees are cached, outside git: `$DMABUF_CACHE_DIR`, else
 * `$XDG_CACHE_HOME/dma-buf-docs`, else `~/.cache/dma-buf-docs`. One folder per version
 * (`linux-6.12` holds the site subset, `linux-6.12-full` a whole tree for the benchmark), each
 * completed by a `.complete.json` stamp written last, so an interrupted extraction is redone.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function cacheRoot(): string {
  if (process.env.DMABUF_CACHE_DIR) return path.resolve(process.env.DMABUF_CACHE_DIR);
  const xdg = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(xdg, 'dma-buf-docs');
}

export interface TreeStamp {
  version: string;
  /** Debian package version the tree came from (`6.12.107-1`), or `KERNEL_SRC`. */
  source: string;
  /** Kernel release from the tree's Makefile (`6.12.107`). */
  release: string;
  full: boolean;
  paths: string[];
  createdAt: string;
}

export function treeDir(version: string, full = false): string {
  return path.join(cacheRoot(), `linux-${version}${full ? '-full' : ''}`);
}

const STAMP = '.complete.json';

export function readStamp(dir: string): TreeStamp | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, STAMP), 'utf8')) as TreeStamp;
  } catch {
    return undefined;
  }
}

export function writeStamp(dir: string, stamp: TreeStamp): void {
  fs.writeFileSync(path.join(dir, STAMP), `${JSON.stringify(stamp, null, 2)}\n`);
}

/** Reads `VERSION.PATCHLEVEL.SUBLEVEL` from a tree's top Makefile; undefined if absent. */
export function releaseOfTree(dir: string): string | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, 'Makefile'), 'utf8').slice(0, 2000);
  } catch {
    return undefined;
  }
  const get = (k: string) => new RegExp(`^${k}\\s*=\\s*(\\S*)`, 'm').exec(text)?.[1] ?? '';
  const v = get('VERSION');
  if (!v) return undefined;
  const sub = get('SUBLEVEL');
  return `${v}.${get('PATCHLEVEL')}${sub && sub !== '0' ? `.${sub}` : ''}`;
}
