/**
 * The built spec page has an `id="c.NAME"` anchor for every identifier the kernel's own kernel-doc
 * documents for dma-buf.rst, an `id="c.STRUCT.MEMBER"` for every documented member and an
 * `id="c.ENUMERATOR"` for every enum constant. The oracle is `perl scripts/kernel-doc -rst` run on
 * each directive the way the kernel's Sphinx extension runs it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRst } from '../src/plugins/rst/docutils.ts';
import { directiveOptions, directivesOf } from '../src/plugins/generate/page.ts';
import { buildDir } from './server.ts';
import { ensureKernelTree } from '../src/plugins/kernel-source/fetch.ts';

interface Oracle {
  identifiers: Set<string>;
  members: Set<string>;
  constants: Set<string>;
}

async function perlOracle(): Promise<Oracle> {
  const tree = (await ensureKernelTree()).dir;
  const rst = fs.readFileSync(path.join(tree, 'Documentation/driver-api/dma-buf.rst'), 'utf8');
  const [page] = parseRst([{ id: 'page', rst }]).results;
  const out: Oracle = { identifiers: new Set(), members: new Set(), constants: new Set() };
  for (const d of directivesOf(page.tree)) {
    const o = directiveOptions(d);
    const args = ['scripts/kernel-doc', '-rst', '-enable-lineno', '-sphinx-version', '3.4.3'];
    if (o.export !== undefined) args.push('-export');
    else if (o.internal !== undefined) args.push('-internal');
    else if (o.doc !== undefined) args.push('-function', o.doc);
    for (const id of (o.identifiers ?? o.functions ?? '').split(/\s+/).filter(Boolean)) args.push('-function', id);
    for (const id of (o['no-identifiers'] ?? '').split(/\s+/).filter(Boolean)) args.push('-nosymbol', id);
    args.push(String(d.a.file));
    const r = spawnSync('perl', args, { cwd: tree, encoding: 'utf8' });
    expect(r.status).toBe(0);
    let current = '';
    let block = '';
    for (const line of r.stdout.split('\n')) {
      const decl = /^\.\. c:(function|macro|struct|union|enum|type)::\s+(.*)$/.exec(line);
      if (decl) {
        const sig = decl[2];
        const name = decl[1] === 'function' ? /(\w+)\s*\($/.exec(sig.slice(0, sig.indexOf('(') + 1))?.[1] : /^(?:struct |union |enum |typedef )?(\w+)/.exec(sig)?.[1];
        current = name ?? sig;
        block = '';
        out.identifiers.add(current);
        continue;
      }
      const heading = /^ {2}\*\*(\w+)\*\*/.exec(line);
      if (heading) block = heading[1];
      const entry = /^ {2}``([^`]+)``$/.exec(line);
      if (entry && block === 'Members') out.members.add(`${current}.${entry[1]}`);
      if (entry && block === 'Constants') out.constants.add(entry[1]);
    }
  }
  return out;
}

describe('anchors of the built spec page', () => {
  it('cover every identifier, member and enumerator the kernel tool documents', async () => {
    const oracle = await perlOracle();
    expect(oracle.identifiers.size).toBe(136);
    // The spec is split into pages: dma-buf.html and dma-buf/<part>.html.
    const partsDir = path.join(buildDir, 'driver-api', 'dma-buf');
    const pages = [path.join(buildDir, 'driver-api', 'dma-buf.html'), ...fs.readdirSync(partsDir).map((f) => path.join(partsDir, f))];
    const html = pages.map((p) => fs.readFileSync(p, 'utf8')).join('\n');
    const ids = new Set([...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]));
    const missing = (xs: Iterable<string>) => [...xs].filter((x) => !ids.has(`c.${x}`));
    expect(missing(oracle.identifiers)).toEqual([]);
    expect(oracle.members.size).toBeGreaterThan(100);
    expect(missing(oracle.members)).toEqual([]);
    expect(missing(oracle.constants)).toEqual([]);
    // Every anchor appears once.
    const all = [...html.matchAll(/\bid="(c\.[^"]+)"/g)].map((m) => m[1]);
    expect(all.length).toBe(new Set(all).size);
  });
});
