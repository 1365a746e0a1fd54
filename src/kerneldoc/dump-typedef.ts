/**
 * A `typedef` after its kernel-doc comment becomes an item; function-pointer typedefs get params.
 */
import { emitItem } from './item.js';
import { createParameterlist } from './parameters.js';
import { pre } from './perl-regex.js';
import { declArgs, type ParseState } from './state.js';

const TYPEDEF_TYPE = String.raw`((?:\s+[\w\*]+\b){1,8})\s*`;
const TYPEDEF_IDENT = String.raw`\*?\s*(\w\S+)\s*`;
const TYPEDEF_ARGS = String.raw`\s*\((.*)\);`;
const typedef1 = pre(String.raw`typedef${TYPEDEF_TYPE}\(${TYPEDEF_IDENT}\)${TYPEDEF_ARGS}`);
const typedef2 = pre(String.raw`typedef${TYPEDEF_TYPE}${TYPEDEF_IDENT}${TYPEDEF_ARGS}`);
const comments = pre(String.raw`/\*.*?\*/`, 'gs');
const parenTail = pre(String.raw`\(*.\)\s*;$`);
const bracketTail = pre(String.raw`\[*.\]\s*;$`);
const plainTypedef = pre(String.raw`typedef.*\s+(\w+)\s*;`);

/** Mirrors: scripts/kernel-doc: dump_typedef, v6.12. */
export function dumpTypedef(st: ParseState, x: string): void {
  x = x.replace(comments, '');
  const m = typedef1.exec(x) ?? typedef2.exec(x);
  if (m) {
    const returnType = m[1]!.replace(pre(String.raw`^\s+`), '');
    const name = m[2]!;
    if (st.identifier !== name) {
      st.warn(`expecting prototype for typedef ${st.identifier}. Prototype was for typedef ${name} instead\n`);
      return;
    }
    createParameterlist(st, m[3]!, ',', name);
    const a = declArgs('typedef', name);
    a.typedef = true;
    a.returnType = returnType;
    a.ctypes = st.paramCtypes;
    emitItem(st, a);
    return;
  }
  while (parenTail.test(x) || bracketTail.test(x)) {
    x = x.replace(parenTail, ';').replace(bracketTail, ';');
  }
  const p = plainTypedef.exec(x);
  if (!p) {
    st.error('Cannot parse typedef!');
    return;
  }
  const name = p[1]!;
  if (st.identifier !== name) {
    st.warn(`expecting prototype for typedef ${st.identifier}. Prototype was for typedef ${name} instead\n`);
    return;
  }
  const item = emitItem(st, declArgs('typedef', name));
  item.definition = x;
}
