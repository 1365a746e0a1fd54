/**
 * Reader-facing example programs (`sandbox/examples/*.ts`): each file is a program as a reader
 * would type it, opening with a doc comment whose first line is its title and the rest its
 * summary. This module reads them (no fs here: the caller passes file texts) and works out which
 * kernel functions each one calls, for the spec pages' "Try it" links.
 */
export interface Example {
  /** File name without `.ts` (`dynamic-importer`), used in links: `/playground?example=<id>`. */
  id: string;
  title: string;
  summary: string;
  /** The program, as shown in the editor. */
  code: string;
  /** Kconfig switches the example is meant to run with (from `sandbox/examples/settings.json`). */
  config: Record<string, boolean>;
}

/** Parses one example file. */
export function parseExample(id: string, text: string, config: Record<string, boolean> = {}): Example {
  const m = /^\s*\/\*\*([\s\S]*?)\*\//.exec(text);
  const lines = (m?.[1] ?? '')
    .split('\n')
    .map((l) => l.replace(/^\s*\*\s?/, '').trimEnd())
    .filter((l, i, all) => l !== '' || (i > 0 && all[i - 1] !== ''));
  const title = lines[0]?.trim() || id;
  const summary = lines.slice(1).join(' ').replace(/\s+/g, ' ').trim();
  return { id, title, summary, code: text.replace(/\s+$/, '\n'), config };
}

/**
 * For each implemented function, the first example (in `order`) that calls it, so every spec
 * entry of a modelled function can link to a runnable program using it.
 */
export function tryItMap(examples: Example[], implemented: Iterable<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of implemented) {
    const re = new RegExp(`\\b${name}\\s*\\(`);
    const hit = examples.find((e) => re.test(e.code));
    if (hit) out[name] = hit.id;
  }
  return out;
}
