/**
 * The line reader of the parser: perl's `while (<IN_FILE>)` loop with its line joining and tab
 * expansion, plus a fast skip to the next `/**` line used while the state machine is in NORMAL.
 */
import { isWs } from './perl-regex.js';

/**
 * Reads a file the way `process_file` does. `next()` returns perl's `$_` (with its `\n`) after
 * joining backslash-continued lines (unless the line starts with ` *`) and expanding tabs to
 * 8-column stops; `lineNo` is perl's `$.`. Mirrors: scripts/kernel-doc: process_file, v6.12.
 */
export class LineSource {
  /** Perl's `$.`: physical lines consumed so far. */
  lineNo = 0;
  private pos = 0;

  constructor(private readonly text: string) {}

  /** The next logical line, or `null` at end of file. */
  next(): string | null {
    const text = this.text;
    if (this.pos >= text.length) return null;
    let line = this.readPhysical();
    // while (!/^ \*/ && s/\\\s*$//) { $_ .= <IN_FILE>; }
    if (!(line.charCodeAt(0) === 32 && line.charCodeAt(1) === 42)) {
      for (;;) {
        let e = line.length;
        while (e > 0 && isWs(line.charCodeAt(e - 1))) e--;
        if (e === 0 || line.charCodeAt(e - 1) !== 92) break;
        line = line.slice(0, e - 1);
        if (this.pos < text.length) line += this.readPhysical();
      }
    }
    if (line.indexOf('\t') >= 0) line = expandTabs(line);
    return line;
  }

  /**
   * Advances to the next line that perl's `process_normal` would see as `/**` + whitespace
   * (`$doc_start`), without building the lines in between. Returns false at end of file.
   */
  skipToDocStart(): boolean {
    const text = this.text;
    let from = this.pos;
    for (;;) {
      const i = text.indexOf('/**', from);
      if (i < 0) {
        this.pos = text.length;
        return false;
      }
      from = i + 3;
      if (i > 0 && text.charCodeAt(i - 1) !== 10) continue;
      let j = i + 3;
      while (j < text.length && text.charCodeAt(j) !== 10 && isWs(text.charCodeAt(j))) j++;
      if (j < text.length && text.charCodeAt(j) !== 10) continue;
      if (i > 0 && this.joinedToPrevious(i)) continue;
      this.lineNo += countNewlines(text, this.pos, i);
      this.pos = i;
      return true;
    }
  }

  private readPhysical(): string {
    const text = this.text;
    const nl = text.indexOf('\n', this.pos);
    const end = nl < 0 ? text.length : nl + 1;
    const line = text.slice(this.pos, end);
    this.pos = end;
    this.lineNo++;
    return line;
  }

  /** Whether the line starting at `i` is swallowed by a backslash continuation before it. */
  private joinedToPrevious(i: number): boolean {
    const text = this.text;
    // Walk back over the run of lines that end with a backslash (+ whitespace).
    let lineEnd = i - 1; // index of the '\n' ending the previous line
    let allStar = true;
    let any = false;
    for (;;) {
      let e = lineEnd;
      while (e > 0 && isWs(text.charCodeAt(e - 1)) && text.charCodeAt(e - 1) !== 10) e--;
      if (e === 0 || text.charCodeAt(e - 1) !== 92) break;
      any = true;
      const start = text.lastIndexOf('\n', lineEnd - 1) + 1;
      if (!(text.charCodeAt(start) === 32 && text.charCodeAt(start + 1) === 42)) allStar = false;
      if (start === 0) break;
      lineEnd = start - 1;
    }
    // A chain starting with " *" never joins; any other chain start swallows through line i.
    return any && !allStar;
  }
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  let p = text.indexOf('\n', from);
  while (p >= 0 && p < to) {
    n++;
    p = text.indexOf('\n', p + 1);
  }
  return n;
}

/** `while (s/\t+/' ' x (length($&) * 8 - length($`) % 8)/e) {}` */
export function expandTabs(line: string): string {
  let t = line.indexOf('\t');
  while (t >= 0) {
    let e = t;
    while (line.charCodeAt(e) === 9) e++;
    const n = (e - t) * 8 - (t % 8);
    line = line.slice(0, t) + ' '.repeat(n) + line.slice(e);
    t = line.indexOf('\t', t + n);
  }
  return line;
}
