/**
 * Walking a description body as perl's rst output does, and perl's rst text for each inline node.
 */
import { parseInlineNodes, renderInline } from './inline.js';
import { isWs } from './perl-regex.js';
import type { InlineNode } from './types.js';

/**
 * Perl's rst text for one inline node (`:c:type:`, `**param**`, ``` ``CONST`` ```, ...).
 * Mirrors: scripts/kernel-doc: @highlights_rst, v6.12.
 */
export function perlRstInline(n: InlineNode): string {
  switch (n.type) {
    case 'text':
      return n.value;
    case 'literal':
      // perl's ``literal`` rule is the identity; the other rules still apply inside.
      return '``' + renderInline(parseInlineNodes(n.value, false), perlRstInline) + '``';
    case 'const':
      return '``' + n.name + '``';
    case 'memberref':
      if (n.kind !== 'any') return `:c:type:\`${n.raw ?? `${n.kind} ${n.name}`} <${n.name}>\`${n.sep ?? '.'}${n.member}`;
      return n.call
        ? `:c:type:\`${n.name}${n.sep ?? '.'}${n.member}\\(\\) <${n.name}>\``
        : `:c:type:\`${n.name}${n.sep ?? '.'}${n.member} <${n.name}>\``;
    case 'typeref':
      return n.kind === 'any' ? `:c:type:\`${n.name}\`` : `:c:type:\`${n.raw ?? `${n.kind} ${n.name}`} <${n.name}>\``;
    case 'param':
      return n.call ? `**${n.name}\\(\\)**` : `**${n.prefix ?? ''}${n.name}**`;
    case 'envvar':
      return '$' + n.name;
    case 'func':
      return n.name + '()';
  }
}

const sphinxLiteral = /^[^.\n][^\n]*::$/;
const sphinxCblock = /^\.\. +code-block::/;

/**
 * Renders a description body: blocks are split at `::` literal blocks and `.. code-block::`
 * (no markup inside those, until a line that is less indented than the block's first line), inline
 * markup elsewhere goes through `render`, and each output line gets `prefix`.
 * Mirrors: scripts/kernel-doc: output_highlight_rst and highlight_block, v6.12.
 */
export function renderBodyRst(body: string, render: (n: InlineNode) => string, prefix = ''): string {
  // perl's `split /\n/` drops trailing empty fields: work on the text up to the last non-empty
  // line, each line ending with '\n', and walk it by index (blocks are slices, not joined lines).
  let end = body.length;
  while (end > 0 && body.charCodeAt(end - 1) === 10) end--;
  if (end === 0) return '';
  const text = end === body.length ? body + '\n' : body.slice(0, end + 1);
  const hl = (b: string) => renderInline(parseInlineNodes(b, true), render);
  let output = '';
  let inLiteral = false;
  let litprefix = '';
  let blockStart = 0;
  for (let pos = 0; pos < text.length; ) {
    const next = text.indexOf('\n', pos) + 1;
    const line = text.slice(pos, next - 1);
    if (inLiteral) {
      if (!isBlank(line)) {
        if (litprefix === '') {
          litprefix = leadingLitPrefix(line);
          if (litprefix === '') litprefix = '\0any';
          output += text.slice(pos, next);
        } else if (!(litprefix === '\0any' || line.startsWith(litprefix))) {
          inLiteral = false;
        } else {
          output += text.slice(pos, next);
        }
      } else {
        output += text.slice(pos, next);
      }
      if (inLiteral) blockStart = next;
    }
    if (!inLiteral) {
      if ((line.endsWith('::') && sphinxLiteral.test(line)) || (line.startsWith('..') && sphinxCblock.test(line))) {
        inLiteral = true;
        litprefix = '';
        output += hl(text.slice(blockStart, next));
        blockStart = next;
      }
    }
    pos = next;
  }
  if (blockStart < text.length) output += hl(text.slice(blockStart));
  // Each line of the output (trailing empty lines dropped, as perl's split does) gets `prefix`.
  let e = output.length;
  while (e > 0 && output.charCodeAt(e - 1) === 10) e--;
  if (e === 0) return '';
  const trimmed = e === output.length ? output : output.slice(0, e);
  return prefix === '' ? trimmed + '\n' : prefix + trimmed.replaceAll('\n', '\n' + prefix) + '\n';
}

/** `/^\s*$/` on a line without its newline. */
function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) if (!isWs(line.charCodeAt(i))) return false;
  return true;
}

/** The leading `[\t\v\f\r ]*` of a line (the literal block's indent). */
function leadingLitPrefix(line: string): string {
  let i = 0;
  for (let c; i < line.length && ((c = line.charCodeAt(i)) === 32 || c === 9 || c === 11 || c === 12 || c === 13); ) i++;
  return line.slice(0, i);
}
