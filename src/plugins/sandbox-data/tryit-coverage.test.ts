/**
 * Every spec entry of a function or macro the model implements gets a "Try it" link: some
 * example program calls it. Checked on the pages generated from the cached kernel tree.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../generate/generate.ts';
import { prepareSandboxData } from './generate.ts';

describe('Try it coverage', () => {
  it('every documented function the model implements has an example calling it', { timeout: 120_000 }, async () => {
    const root = path.resolve(import.meta.dirname, '../../..');
    const data = prepareSandboxData(root);
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'tryit-'));
    const report = await generate({ tree: process.env.DMABUF_KERNEL_TREE!, release: '6.12', version: '6.12', outDir: out, tryIt: data.tryIt });
    const implemented = new Set(Object.entries(data.modules).filter(([m]) => m.startsWith('linux/')).flatMap(([, names]) => names));
    const functions = Object.entries(report.docs).filter(([, d]) => d.kind === 'function' || d.kind === 'macro').map(([name]) => name);
    expect(functions.length).toBeGreaterThan(100);
    expect(functions.filter((f) => !implemented.has(f))).toEqual([]);
    expect(functions.filter((f) => !data.tryIt[f])).toEqual([]);
    // The links are on the pages.
    const mdx = fs.readdirSync(out).filter((f) => f.endsWith('.mdx')).map((f) => fs.readFileSync(path.join(out, f), 'utf8')).join('\n');
    expect((mdx.match(/<TryIt /g) ?? []).length).toBe(functions.length);
    fs.rmSync(out, { recursive: true, force: true });
  });
});
