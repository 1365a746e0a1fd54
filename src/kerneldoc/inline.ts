/**
 * Inline kernel-doc markup parsed into nodes, once; each format renders the nodes its own way.
 */
import { pre } from './perl-regex.js';
import type { InlineNode } from './types.js';

type Rule = { re: RegExp; make: (m: RegExpExecArray) => InlineNode; needle?: string };

const literal: Rule = { re: /``([^`]+)``/g, make: (m) => ({ type: 'literal', value: m[1]! }) };

/**
 * The rules after ``` ``literal`` ```, in the order of perl's `@highlights_rst` (each applied to
 * the text the previous ones left). Two deviations that do not change perl's rst text:
 * `func()` goes last (its rst replacement is the identity, so earlier placement only hides text
 * from later rules, which perl does not do), and `&struct x.member` is one node (perl renders the
 * `.member` as plain text after the struct reference; `perlRstInline` does the same).
 */
const RULES: readonly Rule[] = [
  // $type_constant2
  { needle: '%', re: pre(String.raw`\%([-_*\w]+)`, 'g'), make: (m) => ({ type: 'const', name: m[1]! }) },
  // $type_member_func
  {
    needle: '&',
    re: pre(String.raw`\&([_\w]+)(\.|->)([_\w]+)\(\)`, 'g'),
    make: (m) => ({ type: 'memberref', kind: 'any', name: m[1]!, sep: m[2] as '.' | '->', member: m[3]!, call: true }),
  },
  // $type_member
  {
    needle: '&',
    re: pre(String.raw`\&([_\w]+)(\.|->)([_\w]+)`, 'g'),
    make: (m) => ({ type: 'memberref', kind: 'any', name: m[1]!, sep: m[2] as '.' | '->', member: m[3]! }),
  },
  // $type_fp_param, $type_fp_param2
  { needle: '@', re: pre(String.raw`\@(\w+)\(\)`, 'g'), make: (m) => ({ type: 'param', name: m[1]!, call: true }) },
  { needle: '@', re: pre(String.raw`\@(\w+->\S+)\(\)`, 'g'), make: (m) => ({ type: 'param', name: m[1]!, call: true }) },
  // $type_enum
  { needle: '&', re: pre(String.raw`\&(enum\s*([_\w]+))`, 'g'), make: (m) => ({ type: 'typeref', kind: 'enum', name: m[2]!, raw: m[1]! }) },
  // $type_struct (with a trailing .member / ->member kept in the same node)
  {
    needle: '&',
    re: pre(String.raw`\&(struct\s*([_\w]+))(?:(\.|->)([_\w]+))?`, 'g'),
    make: (m) =>
      m[3]
        ? { type: 'memberref', kind: 'struct', name: m[2]!, raw: m[1]!, sep: m[3] as '.' | '->', member: m[4]! }
        : { type: 'typeref', kind: 'struct', name: m[2]!, raw: m[1]! },
  },
  // $type_typedef
  { needle: '&', re: pre(String.raw`\&(typedef\s*([_\w]+))`, 'g'), make: (m) => ({ type: 'typeref', kind: 'typedef', name: m[2]!, raw: m[1]! }) },
  // $type_union
  {
    needle: '&',
    re: pre(String.raw`\&(union\s*([_\w]+))(?:(\.|->)([_\w]+))?`, 'g'),
    make: (m) =>
      m[3]
        ? { type: 'memberref', kind: 'union', name: m[2]!, raw: m[1]!, sep: m[3] as '.' | '->', member: m[4]! }
        : { type: 'typeref', kind: 'union', name: m[2]!, raw: m[1]! },
  },
  // $type_fallback
  { needle: '&', re: pre(String.raw`\&([_\w]+)`, 'g'), make: (m) => ({ type: 'typeref', kind: 'any', name: m[1]! }) },
  // $type_param_ref
  {
    needle: '@',
    re: pre(String.raw`([\!~\*]?)\@(\w*((\.\w+)|(->\w+))*(\.\.\.)?)`, 'g'),
    make: (m) => (m[1] ? { type: 'param', name: m[2]!, prefix: m[1] } : { type: 'param', name: m[2]! }),
  },
  // $type_env (perl highlights it only in man pages; a node here, rendered as written)
  { needle: '$', re: pre(String.raw`\$(\w+)`, 'g'), make: (m) => ({ type: 'envvar', name: m[1]! }) },
  // $type_func
  { needle: '()', re: pre(String.raw`(\w+)\(\)`, 'g'), make: (m) => ({ type: 'func', name: m[1]! }) },
];

function applyRule(nodes: InlineNode[], rule: Rule): InlineNode[] {
  const out: InlineNode[] = [];
  for (const n of nodes) {
    if (n.type !== 'text') {
      out.push(n);
      continue;
    }
    const s = n.value;
    if (rule.needle !== undefined && !s.includes(rule.needle)) {
      out.push(n);
      continue;
    }
    rule.re.lastIndex = 0;
    let last = 0;
    let m: RegExpExecArray | null;
    while ((m = rule.re.exec(s))) {
      if (m[0] === '') {
        rule.re.lastIndex++;
        continue;
      }
      if (m.index > last) out.push({ type: 'text', value: s.slice(last, m.index) });
      out.push(rule.make(m));
      last = m.index + m[0].length;
    }
    if (last === 0) out.push(n);
    else if (last < s.length) out.push({ type: 'text', value: s.slice(last) });
  }
  return out;
}

/**
 * Parses kernel-doc inline markup: `&struct x`, `&x.member`, `&x->member()`, `&enum x`,
 * `&typedef x`, `&union x`, `&x`, `func()`, `@param` (`@a.b`, `@a->b`, `@...`, `@fn()`),
 * `%CONST`, `$ENVVAR` and ``` ``literal`` ```. Adjacent text is kept verbatim in `text` nodes.
 * Mirrors: scripts/kernel-doc: @highlights_rst (and the `$dohighlight` substitution chain), v6.12.
 */
export function parseInline(text: string, opts: { literals?: boolean } = {}): InlineNode[] {
  return parseInlineNodes(text, opts.literals !== false);
}

/** `parseInline` with the switch as a plain argument (no options object per call). */
export function parseInlineNodes(text: string, literals: boolean): InlineNode[] {
  if (text === '') return [];
  let nodes: InlineNode[] = [{ type: 'text', value: text }];
  if (literals && text.includes('``')) nodes = applyRule(nodes, literal);
  for (const r of RULES) nodes = applyRule(nodes, r);
  return nodes;
}

/** Concatenates the rendering of each node. */
export function renderInline(nodes: readonly InlineNode[], render: (n: InlineNode) => string): string {
  let s = '';
  for (const n of nodes) s += render(n);
  return s;
}
