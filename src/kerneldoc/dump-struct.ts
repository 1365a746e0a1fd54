/**
 * A `struct`/`union` declaration after its kernel-doc comment becomes an item: members (nested
 * and anonymous ones flattened as perl does) and the pretty-printed **Definition**.
 */
import { emitItem } from './item.js';
import { checkSections, createParameterlist, ATTRIBUTE_SRC } from './parameters.js';
import { perlSplit, perlTrue, pre, trimEndWs, trimStartWs } from './perl-regex.js';
import { applyRewrites, compile, STRUCT_MEMBER_REWRITES, unwrapStructGroup } from './rewrites.js';
import { declArgs, type ParseState } from './state.js';

const QUALIFIERS = String.raw`(?:${ATTRIBUTE_SRC}|__packed|__aligned|____cacheline_aligned_in_smp|____cacheline_aligned)`;
const DEF_BODY = String.raw`\{(.*)\}\s*${QUALIFIERS}*`;
const structDecl = pre(String.raw`(struct|union)\s+(\w+)\s*${DEF_BODY}`);
const typedefStructDecl = pre(String.raw`typedef\s+(struct|union)\s*${DEF_BODY}\s*(\w+)\s*;`);
const STRUCT_MEMBERS = String.raw`(struct|union)([^\{\};]+)\{([^\{\}]*)\}([^\{\}\;]*)\;`;
const structMembers = pre(STRUCT_MEMBERS);
const rewrites = compile(STRUCT_MEMBER_REWRITES);

const fpMember = pre(String.raw`^([^\(]+\(\*?\s*)([\w\.]*)(\s*\).*)`);
const idStrip1 = pre(String.raw`[:\[].*`);
const idStrip2 = pre(String.raw`^\s*\**(\S+)\s*`);
const blankRe = pre(String.raw`^\s*$`);
const typeAndNames = pre(String.raw`(.*)\s+(\S+)`);
const bitWidthG = pre(String.raw`:\s*\d+\s*`, 'g');
const bracketsG = pre(String.raw`\[.*\]`, 'g');
const commaWsG = pre(String.raw`\s*,\s*`, 'g');
const braceWsSemiG = pre(String.raw`\}\s+;`, 'g');
const enumComma = pre(String.raw`(enum\s+\{[^\}]+),([^\n])`);
const wsRun = pre(String.raw`\s+`);
const hashLine = pre(String.raw`^\s*#`);
const innerBracesG = pre(String.raw`(\{[^\{\}]*\})`, 'g');

/** Mirrors: scripts/kernel-doc: dump_struct (the nested struct/union flattening loop), v6.12. */
function flattenNested(members: string): string {
  let m: RegExpExecArray | null;
  while ((m = structMembers.exec(members))) {
    let newmember = '';
    const maintype = m[1]!;
    const content = m[3]!;
    for (let id of perlSplit(m[4]!, ',')) {
      newmember += `${maintype} ${id}; `;
      id = id.replace(idStrip1, '').replace(idStrip2, '$1');
      const anon = blankRe.test(id);
      for (let arg of perlSplit(content, ';')) {
        if (blankRe.test(arg)) continue;
        const fp = fpMember.exec(arg);
        if (fp) {
          if (!perlTrue(fp[2])) continue;
          newmember += anon ? `${fp[1]}${fp[2]}${fp[3]}; ` : `${fp[1]}${id}.${fp[2]}${fp[3]}; `;
          continue;
        }
        arg = trimEndWs(trimStartWs(arg));
        if (arg.includes(':')) arg = arg.replace(bitWidthG, '');
        if (arg.includes('[')) arg = arg.replace(bracketsG, '');
        if (arg.includes(',')) arg = arg.replace(commaWsG, ',');
        const tn = typeAndNames.exec(arg);
        if (!tn) {
          newmember += `${arg}; `;
          continue;
        }
        const type = tn[1]!;
        for (let name of perlSplit(tn[2]!, ',')) {
          name = name.replace(idStrip2, '$1');
          if (blankRe.test(name)) continue;
          newmember += anon ? `${type} ${name}; ` : `${type} ${id}.${name}; `;
        }
      }
    }
    members = members.replace(structMembers, () => newmember);
  }
  return members;
}

/** Mirrors: scripts/kernel-doc: dump_struct (the **Definition** layout), v6.12. */
export function formatDefinition(declaration: string): string {
  declaration = declaration.replace(/([{;])/g, '$1\n').replace(braceWsSemiG, '};');
  if (declaration.includes('enum')) {
    while (enumComma.test(declaration)) declaration = declaration.replace(enumComma, '$1,\n$2');
  }
  let level = 1;
  let out = '';
  for (let clause of perlSplit(declaration, '\n')) {
    clause = trimEndWs(trimStartWs(clause)).replace(wsRun, ' ');
    if (!perlTrue(clause)) continue;
    if (clause.includes('}') && level > 1) level--;
    if (!hashLine.test(clause)) out += '\t'.repeat(level);
    out += '\t' + clause + '\n';
    if (clause.includes('{') && !clause.includes('}')) level++;
  }
  return out;
}

/** Mirrors: scripts/kernel-doc: dump_struct, v6.12. */
export function dumpStruct(st: ParseState, x: string): void {
  let declType = '';
  let name = '';
  let members: string | undefined;
  let m: RegExpExecArray | null;
  if ((m = structDecl.exec(x))) {
    declType = m[1]!;
    name = m[2]!;
    members = m[3];
  } else if ((m = typedefStructDecl.exec(x))) {
    declType = m[1]!;
    name = m[3]!;
    members = m[2];
  }
  if (!perlTrue(members)) {
    st.error('Cannot parse struct or union!');
    return;
  }
  if (st.identifier !== name) {
    st.warn(`expecting prototype for ${declType} ${st.identifier}. Prototype was for ${declType} ${name} instead\n`);
    return;
  }
  let body = applyRewrites(members!, rewrites, { unwrapStructGroup });
  const declaration = body;
  body = flattenNested(body);
  if (body.includes('{')) body = body.replace(innerBracesG, '');
  createParameterlist(st, body, ';', name);
  checkSections(st, name, declType, st.sectcheck, st.structActual);
  const a = declArgs(declType === 'union' ? 'union' : 'struct', name);
  a.perlDefinition = formatDefinition(declaration);
  a.structType = declType === 'union' ? 'union' : 'struct';
  a.ctypes = st.paramCtypes;
  emitItem(st, a);
}
