/**
 * Turns kernel-doc inline nodes into the reStructuredText our docutils bridge understands:
 * C-domain roles for references (resolved to anchors later), strong for `@param`, literals for
 * `%CONST` and ``` ``x`` ```. Each construct is fenced with `\ ` (an escaped space, which renders
 * as nothing) so it parses as markup even when glued to surrounding text, e.g. `@dev's`.
 */
import type { InlineNode } from '../../kerneldoc/types.ts';

const esc = (s: string) => s.replace(/([\\`*])/g, '\\$1');
const wrap = (s: string) => `\\ ${s}\\ `;

export function siteInline(n: InlineNode): string {
  switch (n.type) {
    case 'text':
      return n.value;
    case 'func':
      return wrap(`:c:func:\`${n.name}()\``);
    case 'typeref':
      return n.kind === 'any' ? wrap(`:c:type:\`${n.name}\``) : wrap(`:c:type:\`${n.kind} ${n.name} <${n.name}>\``);
    case 'memberref': {
      const title = n.kind === 'any' ? `${n.name}->${n.member}` : `${n.kind} ${n.name}.${n.member}`;
      return wrap(`:c:member:\`${title} <${n.name}.${n.member}>\``);
    }
    case 'param':
      return wrap(`**${esc(n.name)}**`);
    case 'const':
      return wrap(`:kd:const:\`${n.name}\``);
    case 'envvar':
      return `$${n.name}`;
    case 'literal':
      return wrap(`\`\`${n.value}\`\``);
  }
}
