import { describe, expect, it } from 'vitest';
import { isolatedSourcesList, parseDeb822, parseOneLine, pickDebianMirror } from './apt-sources.ts';
import { kernelVersion, subsetPaths } from './versions.ts';

describe('apt sources', () => {
  it('reads deb822 stanzas and skips security and disabled ones', () => {
    const text = [
      'Types: deb',
      '# a comment',
      'URIs: http://mirror.example/debian',
      'Suites: bookworm bookworm-updates',
      'Components: main',
      'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg',
      '',
      'Types: deb',
      'URIs: http://mirror.example/debian-security',
      'Suites: bookworm-security',
      'Components: main',
      '',
      'Types: deb',
      'URIs: http://other.example/debian',
      'Suites: bookworm',
      'Enabled: no',
    ].join('\n');
    const sources = parseDeb822(text);
    expect(sources).toHaveLength(2);
    const mirror = pickDebianMirror(sources)!;
    expect(mirror.uri).toBe('http://mirror.example/debian');
    expect(isolatedSourcesList(mirror, 'trixie')).toBe(
      'deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://mirror.example/debian trixie main\n',
    );
  });

  it('reads one-line entries', () => {
    const s = parseOneLine('# x\ndeb [arch=amd64 signed-by=/k.gpg] http://m.example/debian bookworm main contrib\ndeb-src http://m.example/debian bookworm main\n');
    expect(s).toEqual([{ uri: 'http://m.example/debian', suites: ['bookworm'], components: ['main', 'contrib'], signedBy: '/k.gpg' }]);
    expect(pickDebianMirror(parseOneLine('deb http://x.example/ubuntu jammy main'))).toBeUndefined();
  });

  it('knows which suite ships which kernel and what to extract', () => {
    expect(kernelVersion('6.12').suite).toBe('trixie');
    expect(kernelVersion('6.1').suite).toBe('bookworm');
    expect(kernelVersion('7.2').kernelDoc.interpreter).toBe('python3');
    expect(() => kernelVersion('5.4')).toThrow(/known: 6.1, 6.12, 7.2/);
    expect(subsetPaths(kernelVersion('6.12'))).toContain('scripts/kernel-doc');
    expect(subsetPaths(kernelVersion('7.2'))).toContain('tools/lib/python/');
  });
});
