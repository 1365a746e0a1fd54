/**
 * Perl regular-expression semantics on top of JavaScript `RegExp`.
 *
 * `scripts/kernel-doc` (perl, v6.12) works on byte strings: `\s` is ASCII whitespace, `.` is any
 * character but `\n`, and `$` matches at the end *or before a final newline*. JavaScript differs on
 * all three (`\s` includes U+00A0, `.` excludes `\r`, `$` is end only), so every pattern of the port
 * is written as in perl and translated here once (compiled patterns are cached).
 */

const WS = '\\t\\n\\v\\f\\r ';

/**
 * Compiles a perl pattern (without the `x` flag) to a JavaScript `RegExp` with perl semantics for
 * `\s`, `\S`, `.` and `$`. Flag `s` makes `.` match newlines (perl `/s`); `i` and `g` pass through.
 * Mirrors: the regexes of scripts/kernel-doc, v6.12 (all of them go through this).
 */
export function pre(src: string, flags = ''): RegExp {
  const key = flags + '\0' + src;
  let re = cache.get(key);
  if (!re) {
    re = compilePerl(src, flags);
    if (cache.size > 4096) cache.clear();
    cache.set(key, re);
  }
  return re;
}

const cache = new Map<string, RegExp>();

function compilePerl(src: string, flags: string): RegExp {
  const dotAll = flags.includes('s');
  let out = '';
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === '\\') {
      const d = src[++i]!;
      if (d === 's') out += inClass ? WS : `[${WS}]`;
      else if (d === 'S') {
        if (inClass) throw new Error(`pre: \\S inside a class is not supported: ${src}`);
        out += `[^${WS}]`;
      } else out += '\\' + d;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      if (src[i + 1] === '^') out += src[++i];
      if (src[i + 1] === ']') {
        out += '\\]';
        i++;
      }
      continue;
    }
    if (c === '.') out += dotAll ? '[^]' : '[^\\n]';
    else if (c === '$') out += '(?=\\n?$)';
    else out += c;
  }
  return new RegExp(out, flags.replace(/[sx]/g, ''));
}

/** Escapes a string for use as a literal inside a pattern. */
export function quoteMeta(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Perl `split /re/, $s`: like `String#split`, but trailing empty fields are dropped and an empty
 * input gives no fields. Mirrors: perl's `split` as used throughout scripts/kernel-doc, v6.12.
 */
export function perlSplit(s: string, re: RegExp | string): string[] {
  // ''.split(re) is [''], emptied below: the result is always an array from split (one shape).
  const parts = s.split(re);
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** Perl `split ' ', $s` (awk mode): fields separated by whitespace runs, no empty fields. */
export function splitWords(s: string): string[] {
  return s.split(/[\t\n\v\f\r ]+/).filter((w) => w !== '');
}

/** Perl truthiness of a scalar string: `''`, `'0'` and undef are false. */
export function perlTrue(s: string | undefined): boolean {
  return s !== undefined && s !== '' && s !== '0';
}

/** Perl `s/\s+$//`-style trims with perl's whitespace set. */
export function trimEndWs(s: string): string {
  let e = s.length;
  while (e > 0 && isWs(s.charCodeAt(e - 1))) e--;
  return s.slice(0, e);
}

/** Leading whitespace removed (perl `s/^\s+//`). */
export function trimStartWs(s: string): string {
  let b = 0;
  while (b < s.length && isWs(s.charCodeAt(b))) b++;
  return s.slice(b);
}

/** Perl `\s` on one char code: tab, newline, vertical tab, form feed, carriage return, space. */
export function isWs(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}
