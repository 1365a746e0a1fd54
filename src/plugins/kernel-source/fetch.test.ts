import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const cli = path.resolve('src/plugins/kernel-source/cli.ts');
const tsx = path.resolve('node_modules/.bin/tsx');

/** Runs the kernel-source CLI with a PATH holding only what we link into it. */
function runWith(tools: string[], env: Record<string, string>) {
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'ks-bin-'));
  for (const t of tools) {
    const which = spawnSync('sh', ['-c', `command -v ${t}`], { encoding: 'utf8' }).stdout.trim();
    if (which) fs.symlinkSync(which, path.join(bin, t));
  }
  const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'ks-cache-'));
  return spawnSync(tsx, [cli], { encoding: 'utf8', env: { PATH: bin, HOME: cache, DMABUF_CACHE_DIR: cache, ...env } });
}

describe('kernel-source', () => {
  it('without apt and without KERNEL_SRC, stops and names both ways to proceed', () => {
    const r = runWith(['node', 'sh'], {});
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no apt-get\/dpkg-deb/);
    expect(r.stderr).toMatch(/KERNEL_SRC=\/path\/to\/linux/);
    expect(r.stderr).toMatch(/Debian machine/);
  });

  it('uses the tree KERNEL_SRC names, without any download', () => {
    const tree = process.env.DMABUF_KERNEL_TREE!;
    const r = runWith(['node', 'sh'], { KERNEL_SRC: tree });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(tree);
  });

  it('refuses a KERNEL_SRC that is not a kernel tree', () => {
    const r = runWith(['node', 'sh'], { KERNEL_SRC: os.tmpdir() });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/is not a kernel tree: missing Documentation\/driver-api\/dma-buf.rst/);
  });
});
