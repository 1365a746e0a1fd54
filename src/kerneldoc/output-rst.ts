/**
 * reStructuredText output, byte-for-byte what perl's `-rst -sphinx-version 3.4.3` prints.
 */
import { perlRstInline, renderBodyRst } from './highlight-rst.js';
import type { KdocItem, KdocParam, KdocSection } from './types.js';

/** Switches of the rst output. */
export interface RstOptions {
  /** `-enable-lineno`: `.. LINENO n` lines. */
  enableLineno?: boolean;
  /** Perl's OUTPUT_INCLUDE mode (`-function`): `DOC:` blocks print without their heading. */
  contentOnly?: boolean;
}

const hl = (s: string | undefined, prefix: string) => (s === undefined ? '' : renderBodyRst(s, perlRstInline, prefix));
const lineno = (o: RstOptions, n: number | undefined) => (o.enableLineno && n !== undefined ? `.. LINENO ${n}\n` : '');
const rawDesc = (p: KdocParam) => p.rawDescription;

/** Mirrors: scripts/kernel-doc: output_section_rst, v6.12. */
function sectionsRst(sections: readonly KdocSection[], prefix: string, o: RstOptions): string {
  let s = '';
  for (const sec of sections) {
    s += `${prefix}**${sec.name}**\n\n` + lineno(o, sec.line) + hl(sec.raw ?? sec.body, prefix) + '\n';
  }
  return s + '\n';
}

/** Mirrors: scripts/kernel-doc: output_function_rst (Sphinx >= 3), v6.12. */
function functionRst(it: KdocItem, o: RstOptions): string {
  const typedef = it.kind === 'typedef';
  const dsl = it.line + 1;
  const sig = it.prototype ?? '';
  let s = '';
  if (typedef || (it.returnType ?? '') === '') {
    s += `.. c:macro:: ${it.name}\n\n`;
    if (typedef) {
      s += lineno(o, dsl) + '   **Typedef**: ' + hl(it.purpose, '') + `\n\n**Syntax**\n\n  \`\`${sig}\`\`\n\n`;
    } else s += `\`\`${sig}\`\`\n\n`;
  } else s += `.. c:function:: ${sig}\n\n`;
  if (!typedef) s += lineno(o, dsl) + hl(it.purpose, '   ') + '\n';
  if (it.params.length) s += '.. container:: kernelindent\n\n  **Parameters**\n\n';
  for (const p of it.params) {
    s += `  \`\`${p.declaration ? p.declaration : p.name}\`\`\n`;
    const d = rawDesc(p);
    s += d !== undefined ? lineno(o, p.descLine) + hl(d, '    ') : '    *undescribed*\n';
    s += '\n';
  }
  return s + sectionsRst(it.sections, '  ', o);
}

/** Mirrors: scripts/kernel-doc: output_enum_rst (Sphinx >= 3), v6.12. */
function enumRst(it: KdocItem, o: RstOptions): string {
  let s = `\n\n.. c:enum:: ${it.name}\n\n` + lineno(o, it.line + 1) + hl(it.purpose, '  ') + '\n';
  s += '.. container:: kernelindent\n\n    **Constants**\n\n';
  for (const p of it.params) {
    s += `    \`\`${p.name}\`\`\n`;
    const d = rawDesc(p);
    s += (d !== undefined ? hl(d, '      ') : '      *undescribed*\n') + '\n';
  }
  return s + '\n' + sectionsRst(it.sections, '', o);
}

/** Mirrors: scripts/kernel-doc: output_typedef_rst (Sphinx >= 3), v6.12. */
function typedefRst(it: KdocItem, o: RstOptions): string {
  return `\n\n.. c:type:: ${it.name}\n\n` + lineno(o, it.line + 1) + hl(it.purpose, '   ') + '\n' + sectionsRst(it.sections, '', o);
}

/** Mirrors: scripts/kernel-doc: output_struct_rst (Sphinx >= 3), v6.12. */
function structRst(it: KdocItem, o: RstOptions): string {
  const type = it.kind === 'union' ? 'union' : 'struct';
  let s = `\n\n.. c:${type}:: ${it.name}\n\n` + lineno(o, it.line + 1) + hl(it.purpose, '  ') + '\n';
  s += '.. container:: kernelindent\n\n  **Definition**::\n\n';
  const decl = (it.perlDefinition ?? '').replace(/\t/g, '    ');
  s += `    ${type} ${it.name} {\n${decl}    };\n\n  **Members**\n\n`;
  for (const p of it.params) {
    if (p.name.startsWith('#')) continue;
    const d = rawDesc(p);
    if (d === undefined) continue;
    s += lineno(o, p.descLine) + `  \`\`${p.name}\`\`\n` + hl(d, '    ') + '\n';
  }
  return s + '\n' + sectionsRst(it.sections, '', o);
}

/** Mirrors: scripts/kernel-doc: output_blockhead_rst, v6.12. */
function docRst(it: KdocItem, o: RstOptions): string {
  let s = '';
  for (const sec of it.sections) {
    if (!o.contentOnly) s += `.. _${sec.name}:\n\n**${sec.name}**\n\n`;
    s += lineno(o, sec.line) + hl(sec.raw ?? sec.body, '') + '\n';
  }
  return s;
}

/**
 * The rst text of one item. Mirrors: scripts/kernel-doc: output_declaration with
 * `$output_mode = "rst"`, v6.12.
 */
export function itemToRst(it: KdocItem, o: RstOptions = {}): string {
  switch (it.kind) {
    case 'doc':
      return docRst(it, o);
    case 'struct':
    case 'union':
      return structRst(it, o);
    case 'enum':
      return enumRst(it, o);
    case 'typedef':
      return it.prototype !== undefined ? functionRst(it, o) : typedefRst(it, o);
    default:
      return functionRst(it, o);
  }
}
