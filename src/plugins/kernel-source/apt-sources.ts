/**
 * Reads the machine's configured Debian mirror from its apt sources, so the kernel package is
 * fetched from wherever this machine already gets its Debian packages.
 *
 * Both formats are understood: deb822 `.sources` files (`URIs:` / `Suites:` stanzas) and one-line
 * `sources.list` entries. Security and update suites are skipped: `linux-source-*` lives in main.
 */
export interface AptSource {
  uri: string;
  suites: string[];
  components: string[];
  signedBy?: string;
}

/** Parses deb822 `.sources` text into its `Types: deb` stanzas. */
export function parseDeb822(text: string): AptSource[] {
  const out: AptSource[] = [];
  for (const stanza of text.split(/\n\s*\n/)) {
    const fields = new Map<string, string>();
    let last = '';
    for (const raw of stanza.split('\n')) {
      if (raw.startsWith('#')) continue;
      if (/^\s/.test(raw) && last) {
        fields.set(last, `${fields.get(last)} ${raw.trim()}`);
        continue;
      }
      const m = /^([A-Za-z-]+):\s*(.*)$/.exec(raw);
      if (m) {
        last = m[1].toLowerCase();
        fields.set(last, m[2].trim());
      }
    }
    if (!fields.has('uris') || !/\bdeb\b/.test(fields.get('types') ?? '')) continue;
    if ((fields.get('enabled') ?? 'yes').toLowerCase() === 'no') continue;
    for (const uri of fields.get('uris')!.split(/\s+/)) {
      out.push({
        uri,
        suites: (fields.get('suites') ?? '').split(/\s+/).filter(Boolean),
        components: (fields.get('components') ?? '').split(/\s+/).filter(Boolean),
        signedBy: fields.get('signed-by'),
      });
    }
  }
  return out;
}

/** Parses one-line `deb [opts] uri suite comp...` entries. */
export function parseOneLine(text: string): AptSource[] {
  const out: AptSource[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    const m = /^deb\s+(?:\[([^\]]*)\]\s+)?(\S+)\s+(\S+)\s*(.*)$/.exec(line);
    if (!m) continue;
    const signed = /signed-by=(\S+)/.exec(m[1] ?? '');
    out.push({ uri: m[2], suites: [m[3]], components: m[4].split(/\s+/).filter(Boolean), signedBy: signed?.[1] });
  }
  return out;
}

/** Debian release code names and aliases a main-archive entry may carry. */
const DEBIAN_SUITES = /^(buster|bullseye|bookworm|trixie|forky|duke|sid|stable|testing|unstable|oldstable|oldoldstable)$/;

/**
 * Picks the Debian main-archive mirror among the configured sources: the first entry one of whose
 * suites is a plain Debian release name (not `-security`, `-updates`, `-backports`).
 * Returns undefined when no such source is configured.
 */
export function pickDebianMirror(sources: AptSource[]): AptSource | undefined {
  return sources.find((s) => s.suites.some((suite) => DEBIAN_SUITES.test(suite)));
}

/** Renders the isolated one-line sources.list for `suite` on `mirror`. */
export function isolatedSourcesList(mirror: AptSource, suite: string): string {
  const opts = mirror.signedBy && !mirror.signedBy.includes('\n') ? ` [signed-by=${mirror.signedBy}]` : '';
  return `deb${opts} ${mirror.uri} ${suite} main\n`;
}
