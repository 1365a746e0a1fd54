/**
 * Writes the data the interactive pages need, as build output (git-ignored) under
 * `src/components/Sandbox/generated/`:
 * - `examples.json`: the example programs;
 * - `types.json`: `declare module` blocks of the sandbox API, for Monaco's TypeScript service;
 * - `api.json`: the reader-visible names per module, the kernel-doc summary and spec link of
 *   each documented identifier (editor hovers), and the "Try it" map (function → example).
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildDeclarations } from './declarations.ts';
import { parseExample, tryItMap, type Example } from './examples.ts';
import { SANDBOX_MODULES } from '../../../sandbox/runtime/modules.ts';
import { READER_MODULES } from './reader-modules.ts';

export interface SandboxData {
  examples: Example[];
  /** Reader-visible names per module. */
  modules: Record<string, string[]>;
  /** Function → id of the first example calling it. */
  tryIt: Record<string, string>;
  /** `declare module` blocks per module. */
  types: Record<string, string>;
}

/** Kernel-doc summary of a documented identifier, for editor hovers. */
export interface IdentifierDoc {
  kind: string;
  purpose: string;
  href: string;
}

/** Reads the examples and the sandbox API (no output yet: the spec pages need `tryIt` first). */
export function prepareSandboxData(root: string): SandboxData {
  const exDir = path.join(root, 'sandbox', 'examples');
  const order = fs.existsSync(path.join(exDir, 'order.json')) ? (JSON.parse(fs.readFileSync(path.join(exDir, 'order.json'), 'utf8')) as string[]) : [];
  const files = fs.existsSync(exDir) ? fs.readdirSync(exDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('_')) : [];
  const settingsFile = path.join(exDir, 'settings.json');
  const settings = fs.existsSync(settingsFile) ? (JSON.parse(fs.readFileSync(settingsFile, 'utf8')) as Record<string, Record<string, boolean>>) : {};
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  const examples = files
    .map((f) => {
      const id = f.replace(/\.ts$/, '');
      return parseExample(id, fs.readFileSync(path.join(exDir, f), 'utf8'), settings[id]);
    })
    .sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));
  const modules: Record<string, string[]> = {};
  for (const [spec, mod] of Object.entries(SANDBOX_MODULES)) modules[spec] = Object.keys(mod).sort();
  const implemented = new Set(Object.entries(modules).filter(([s]) => s.startsWith('linux/')).flatMap(([, names]) => names));
  return { examples, modules, tryIt: tryItMap(examples, implemented), types: buildDeclarations(root, READER_MODULES).modules };
}

/** Writes examples.json, types.json and api.json (with the identifiers' kernel-doc summaries). */
export function writeSandboxData(outDir: string, data: SandboxData, docs: Record<string, IdentifierDoc>): void {
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'examples.json'), JSON.stringify(data.examples, null, 1));
  fs.writeFileSync(path.join(outDir, 'types.json'), JSON.stringify(data.types));
  fs.writeFileSync(path.join(outDir, 'api.json'), JSON.stringify({ modules: data.modules, docs, tryIt: data.tryIt }, null, 1));
}
