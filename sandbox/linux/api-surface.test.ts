/**
 * Pins the exact list of names reader code can import: every module of
 * SANDBOX_MODULES (`import { ... } from 'linux/dma-buf'`) and its exported
 * names, against the reviewed fixture `api-surface.json`. A change to the
 * surface must be deliberate: refresh with `UPDATE=1` and review the diff.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { SANDBOX_MODULES } from '../runtime/modules.ts';

const FIXTURE = new URL('./api-surface.json', import.meta.url);

function surface(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const spec of Object.keys(SANDBOX_MODULES).sort()) out[spec] = Object.keys(SANDBOX_MODULES[spec]!).sort();
  return out;
}

describe('reader-visible API', () => {
  it('matches the pinned list of modules and names', () => {
    const now = surface();
    if (process.env.UPDATE) writeFileSync(FIXTURE, JSON.stringify(now, null, 1) + '\n');
    const pinned = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, string[]>;
    expect(now).toEqual(pinned);
  });

  it('exports no model-internal names except the container ops identity', () => {
    const internal = Object.entries(surface()).flatMap(([m, names]) => names.filter((n) => n.startsWith('__container')).map((n) => `${m}:${n}`));
    expect(internal).toEqual(['linux/dma-fence:__container_ops']);
  });
});
