/**
 * Runs docutils (through `rst2json.py`) on a batch of reStructuredText snippets in one Python
 * process. docutils comes from the system: the first of `$DMABUF_PYTHON`, `/usr/bin/python3`,
 * `python3` that can import it (Debian: `apt-get install python3-docutils`).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { RstResult } from './doctree.ts';

const SCRIPT = fileURLToPath(new URL('./rst2json.py', import.meta.url));

export interface RstInput {
  id: string;
  rst: string;
  /** File the snippet came from, used in docutils' messages. */
  source?: string;
}

let python: string | undefined;

/** The Python interpreter that has docutils; throws with the install hint when none has. */
export function docutilsPython(): string {
  if (python) return python;
  const candidates = [process.env.DMABUF_PYTHON, '/usr/bin/python3', 'python3'].filter(Boolean) as string[];
  for (const c of candidates) {
    const r = spawnSync(c, ['-c', 'import docutils'], { stdio: 'ignore' });
    if (r.status === 0) return (python = c);
  }
  throw new Error('docutils not found: install it with `apt-get install python3-docutils` (npm start/test do this on Debian)');
}

/** Parses every snippet; results come back in input order. */
export function parseRst(inputs: RstInput[]): { docutils: string; results: RstResult[] } {
  if (inputs.length === 0) return { docutils: '', results: [] };
  const r = spawnSync(docutilsPython(), [SCRIPT], {
    input: JSON.stringify(inputs),
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (r.status !== 0) throw new Error(`rst2json.py failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as { docutils: string; results: RstResult[] };
}
