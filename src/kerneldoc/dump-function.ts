/**
 * A function or macro prototype after its kernel-doc comment becomes a `function`/`macro` item.
 */
import { emitItem } from './item.js';
import { createParameterlist, checkSections } from './parameters.js';
import { pre } from './perl-regex.js';
import { applyRewrites, compile, FUNCTION_REWRITES, FUNCTION_REWRITES_AFTER_DEFINE } from './rewrites.js';
import { declArgs, type ParseState, SECTION_RETURN } from './state.js';

const before = compile(FUNCTION_REWRITES);
const after = compile(FUNCTION_REWRITES_AFTER_DEFINE);
const defineRe = pre(String.raw`^#\s*define\s+`);

const NAME = String.raw`[a-zA-Z0-9_~:]+`;
const PROTO_END = String.raw`\(([^\(]*|[^\{]*)\)`;
const TYPE1 = String.raw`[\w\s]+`;
const TYPE2 = String.raw`${TYPE1}\*+`;
const objectMacro = pre(String.raw`^()(${NAME})\s+`);
const proto1 = pre(String.raw`^()(${NAME})\s*${PROTO_END}`);
const proto2 = pre(String.raw`^(${TYPE1})\s+(${NAME})\s*${PROTO_END}`);
const proto3 = pre(String.raw`^((?:${TYPE2})+)\s*(${NAME})\s*${PROTO_END}`);
const voidReturn = pre(String.raw`void\s*\w*\s*$`);

/** Mirrors: scripts/kernel-doc: check_return_section, v6.12 (emitted flagged `return`). */
function checkReturnSection(st: ParseState, name: string, returnType: string): void {
  if (returnType === '' || voidReturn.test(returnType)) return;
  const r = st.sections.get(SECTION_RETURN);
  if (r === undefined || r === '') {
    st.warn(`No description found for return value of '${name}'\n`, { flag: 'return' });
  }
}

/** Mirrors: scripts/kernel-doc: dump_function, v6.12. */
export function dumpFunction(st: ParseState, prototype: string): void {
  let funcMacro = false;
  prototype = applyRewrites(prototype, before);
  const define = defineRe.test(prototype);
  if (define) prototype = prototype.replace(defineRe, '');
  prototype = applyRewrites(prototype, after);

  let returnType: string;
  let name: string;
  let m: RegExpExecArray | null;
  if (define && (m = objectMacro.exec(prototype))) {
    returnType = m[1]!;
    name = m[2]!;
    funcMacro = true;
  } else if ((m = proto1.exec(prototype) ?? proto2.exec(prototype) ?? proto3.exec(prototype))) {
    returnType = m[1]!;
    name = m[2]!;
    createParameterlist(st, m[3]!, ',', name);
  } else {
    st.warn(`cannot understand function prototype: '${prototype}'\n`);
    st.rejected.push({ line: st.protoStartLine, beforeItem: st.items.length });
    return;
  }
  if (st.identifier !== name) {
    st.warn(`expecting prototype for ${st.identifier}(). Prototype was for ${name}() instead\n`);
    st.rejected.push({ line: st.protoStartLine, beforeItem: st.items.length });
    return;
  }
  checkSections(st, name, 'function', st.sectcheck, st.parameterlist.join(' '));
  if (!funcMacro) checkReturnSection(st, name, returnType);
  const typedef = returnType.includes('typedef');
  const a = declArgs(typedef ? 'typedef' : define || returnType === '' ? 'macro' : 'function', name);
  a.returnType = returnType;
  a.typedef = typedef;
  a.funcMacro = funcMacro;
  a.define = define;
  a.viaDumpFunction = true;
  a.ctypes = st.paramCtypes;
  emitItem(st, a);
}

const syscallLong = pre(String.raw`long (sys_.*?),`);

/** Mirrors: scripts/kernel-doc: syscall_munge, v6.12. */
export function syscallMunge(prototype: string): string {
  let isVoid = false;
  prototype = prototype.replace(/[\r\n]+/g, ' ');
  if (prototype.includes('SYSCALL_DEFINE0')) isVoid = true;
  prototype = prototype.replace(pre(String.raw`SYSCALL_DEFINE.*\(`), 'long sys_');
  if (syscallLong.test(prototype)) prototype = prototype.replace(',', '(');
  else if (isVoid) prototype = prototype.replace(')', '(void)');
  if (!isVoid) {
    let count = 0;
    let out = '';
    for (const c of prototype) {
      if (c === ',' && ++count % 2 === 1) out += ' ';
      else out += c;
    }
    prototype = out;
  }
  return prototype;
}

/** Mirrors: scripts/kernel-doc: tracepoint_munge, v6.12. Returns the new prototype or null. */
export function tracepointMunge(st: ParseState, prototype: string): string {
  let tpName: string | 0 = 0;
  let tpArgs: string | 0 = 0;
  let m: RegExpExecArray | null;
  if ((m = pre(String.raw`TRACE_EVENT\((.*?),`).exec(prototype))) tpName = m[1]!;
  if ((m = pre(String.raw`DEFINE_SINGLE_EVENT\((.*?),`).exec(prototype))) tpName = m[1]!;
  if ((m = pre(String.raw`DEFINE_EVENT\((.*?),(.*?),`).exec(prototype))) tpName = m[2]!;
  if (typeof tpName === 'string') tpName = tpName.replace(pre(String.raw`^\s+`), '');
  if ((m = pre(String.raw`TP_PROTO\((.*?)\)`).exec(prototype))) tpArgs = m[1]!;
  if (tpName === 0 || tpArgs === 0 || tpName === '0' || tpArgs === '0') {
    st.warn(`Unrecognized tracepoint format: \n${prototype}\n`);
    return prototype;
  }
  st.identifier = `trace_${st.identifier}`;
  return `static inline void trace_${tpName}(${tpArgs})`;
}
