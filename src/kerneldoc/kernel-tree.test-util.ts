/**
 * Test-only helpers (file system and perl): where the cached kernel tree is, how to run the
 * kernel's own `scripts/kernel-doc`, and the `.. kernel-doc::` directives of an rst file.
 * Not part of the pure parser; imported by `*.test.ts` only.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The kernel tree tests use: `$DMABUF_KERNEL_TREE`, else `~/.cache/dma-buf-docs/linux-6.12`. Throws when absent. */
export function kernelTree(): string {
  const tree = process.env.DMABUF_KERNEL_TREE ?? join(homedir(), '.cache/dma-buf-docs/linux-6.12');
  if (!existsSync(join(tree, 'scripts/kernel-doc'))) {
    throw new Error(`kernel tree not found at ${tree} (set DMABUF_KERNEL_TREE or run npm run kernel-source)`);
  }
  return tree;
}

/** Runs perl `scripts/kernel-doc ARGS` in `tree`; stdout/stderr decoded as latin1. Throws when perl is missing. */
export function runPerlKernelDoc(tree: string, args: readonly string[]): { out: string; err: string } {
  const r = spawnSync('perl', ['scripts/kernel-doc', ...args], { cwd: tree, encoding: 'latin1', maxBuffer: 1 << 28 });
  if (r.error) throw new Error(`cannot run perl: ${r.error.message}`);
  return { out: r.stdout, err: r.stderr };
}

/** One `.. kernel-doc::` directive: the file and its options (`doc`, `export`, `internal`, ...). */
export interface KernelDocDirective {
  file: string;
  options: Record<string, string>;
  line: number;
}

/** The `.. kernel-doc::` directives of an rst text, in order. */
export function kernelDocDirectives(rst: string): KernelDocDirective[] {
  const lines = rst.split('\n');
  const out: KernelDocDirective[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^\.\. kernel-doc::\s+(\S+)\s*$/.exec(lines[i]!);
    if (!m) continue;
    const options: Record<string, string> = {};
    for (let j = i + 1; j < lines.length; j++) {
      const o = /^\s+:([\w-]+):\s*(.*?)\s*$/.exec(lines[j]!);
      if (!o) break;
      options[o[1]!] = o[2]!;
    }
    out.push({ file: m[1]!, options, line: i + 1 });
  }
  return out;
}

/** Perl arguments for a directive's options, as Documentation/sphinx/kerneldoc.py builds them. */
export function directiveArgs(d: KernelDocDirective): { args: string[]; exportFiles: string[] } {
  const o = d.options;
  if ('export' in o) return { args: ['-export'], exportFiles: o.export ? o.export.split(/\s+/) : [] };
  if ('internal' in o) return { args: ['-internal'], exportFiles: o.internal ? o.internal.split(/\s+/) : [] };
  if ('doc' in o) return { args: ['-function', o.doc!], exportFiles: [] };
  const ids = o.identifiers ?? o.functions;
  if (ids !== undefined) {
    const list = ids.split(/\s+/).filter(Boolean);
    return { args: list.length ? list.flatMap((i) => ['-function', i]) : ['-no-doc-sections'], exportFiles: [] };
  }
  return { args: [], exportFiles: [] };
}
