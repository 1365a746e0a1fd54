/**
 * Safe ways to put kernel text into MDX. Kernel comments contain `<`, `{`, `}`, `\`, `%ph`, `->`
 * and C code; none of it may reach the MDX parser as syntax. Text becomes a JS string expression,
 * attribute values become JSON expressions, and heading text is backslash-escaped markdown.
 */

/** Text as a JSX child: a JSON string literal inside braces, so MDX sees no markup at all. */
export function jsxText(s: string): string {
  return s === '' ? '' : `{${JSON.stringify(s)}}`;
}

/** A JSX attribute `name={"value"}` (any value JSON can carry). */
export function jsxAttr(name: string, value: unknown): string {
  if (value === undefined || value === false) return '';
  if (value === true) return ` ${name}`;
  return ` ${name}={${JSON.stringify(value)}}`;
}

/** Markdown heading text: every ASCII punctuation that markdown or MDX could read is escaped. */
export function headingText(s: string): string {
  return s.replace(/\s+/g, ' ').trim().replace(/[\\`*_{}[\]()<>#+!|~&]/g, (c) => `\\${c}`);
}

/** An HTML id / anchor kept as is when safe inside a heading-id comment. */
export function safeId(id: string): string {
  return id.replace(/[^A-Za-z0-9_.:-]/g, '-');
}
