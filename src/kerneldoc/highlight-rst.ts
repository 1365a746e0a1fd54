/**
 * Walking a description body as perl's rst output does, and perl's rst text for each inline node.
 */
import { parseInlineNodes, renderInline } from './inline.js';
import { perlSplit } from './perl-regex.js';
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
  let output = '';
  let inLiteral = false;
  let litprefix = '';
  let block = '';
  const hl = (b: string) => renderInline(parseInlineNodes(b, true), render);
  for (const line of perlSplit(body, '\n')) {
    if (inLiteral) {
      if (!/^[\t\n\v\f\r ]*$/.test(line)) {
        if (litprefix === '') {
          litprefix = /^[\t\v\f\r ]*/.exec(line)![0];
          if (litprefix === '') litprefix = '\0any';
          output += line + '\n';
        } else if (!(litprefix === '\0any' || line.startsWith(litprefix))) {
          inLiteral = false;
        } else {
          output += line + '\n';
        }
      } else {
        output += line + '\n';
      }
    }
    if (!inLiteral) {
      block += line + '\n';
      if ((line.endsWith('::') && sphinxLiteral.test(line)) || (line.startsWith('..') && sphinxCblock.test(line))) {
        inLiteral = true;
        litprefix = '';
        output += hl(block);
        block = '';
      }
    }
  }
  if (block) output += hl(block);
  let out = '';
  for (const l of perlSplit(output, '\n')) out += prefix + l + '\n';
  return out;
}
