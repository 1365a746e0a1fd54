import { afterEach, describe, expect, it, vi } from 'vitest';
import { Progress } from './progress.ts';

describe('Progress (not a terminal)', () => {
  afterEach(() => vi.restoreAllMocks());
  it('prints one line each time another 10 % is crossed, and 100 % at the end', () => {
    const lines: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => (lines.push(String(s)), true));
    const p = new Progress('download x', 1000);
    for (const done of [0, 5, 77, 130, 131, 555, 560, 999]) p.update(done);
    p.done();
    expect(lines.map((l) => l.trim())).toEqual([
      'download x: 0% (0.0 / 0.0 MB)',
      'download x: 13% (0.0 / 0.0 MB)',
      'download x: 55% (0.0 / 0.0 MB)',
      'download x: 99% (0.0 / 0.0 MB)',
      'download x: 100% (0.0 / 0.0 MB)',
    ]);
  });
});
