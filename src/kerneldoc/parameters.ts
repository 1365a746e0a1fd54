/**
 * Splitting a parameter list or a struct member list into names and types, and the checks that
 * compare them with the `@name:` descriptions.
 */
import { isWs, perlSplit, perlTrue, pre, splitWords, trimEndWs, trimStartWs } from './perl-regex.js';
import { type ParseState, UNDESCRIBED } from './state.js';

/** Perl's `$attribute`: a `__attribute__((...))` clause. */
export const ATTRIBUTE_SRC = String.raw`__attribute__\s*\(\([a-z0-9,_\*\s\(\)]*\)\)`;

const argExprComma = pre(String.raw`(\([^\),]+),`);
const argExprCommaG = pre(String.raw`(\([^\),]+),`, 'g');
const stripComment = pre(String.raw`\/\*.*\*\/`);
const pos0 = pre(String.raw`\sPOS0?\s`);
const isFuncPtr = pre(String.raw`\(.+\)\s*\(`);
const funcPtrName = pre(String.raw`[^\(]+\(\*?\s*([\w\[\]\.]*)\s*\)`);
const isArrayOfPtr = pre(String.raw`\(.+\)\s*\[`);
const arrayPtrName = pre(String.raw`[^\(]+\(\s*\*\s*([\w\[\]\.]*?)\s*(\s*\[\s*[\w]+\s*\]\s*)*\)`);
const colonWs = pre(String.raw`\s*:\s*`, 'g');
const bracketWs = pre(String.raw`\s*\[`, 'g');
const commaSplit = pre(String.raw`\s*,\s*`);
const starsWs = pre(String.raw`(\*+)\s*`);
const firstArgArray = pre(String.raw`^(.*\s+)(.*?\[.*\].*)$`);
const ptrParam = pre(String.raw`^(\*+)\s*(.*)`);
const bitfieldParam = pre(String.raw`(.*?):(\w+)`);
const multiWs = pre(String.raw`\s\s+`, 'g');

/** Mirrors: scripts/kernel-doc: save_struct_actual, v6.12 (its whitespace removal done by a scan). */
function saveStructActual(st: ParseState, actual: string): void {
  st.structActual = st.structActual + removeWs(actual) + ' ';
}

/** Perl's `s/\s*` + `//g`: every perl-whitespace character removed. */
function removeWs(s: string): string {
  let i = 0;
  while (i < s.length && !isWs(s.charCodeAt(i))) i++;
  if (i === s.length) return s;
  let out = s.slice(0, i);
  for (; i < s.length; i++) if (!isWs(s.charCodeAt(i))) out += s[i];
  return out;
}

/** `s/\s+/ /` (first run only). */
function collapseFirstWsRun(s: string): string {
  let i = 0;
  while (i < s.length && !isWs(s.charCodeAt(i))) i++;
  if (i === s.length) return s;
  let j = i + 1;
  while (j < s.length && isWs(s.charCodeAt(j))) j++;
  if (j === i + 1 && s.charCodeAt(i) === 32) return s;
  return s.slice(0, i) + ' ' + s.slice(j);
}

/** Perl `split /\s+/, $s`: a leading empty field is kept, trailing empty fields are dropped. */
function splitWsPerl(s: string): string[] {
  const out: string[] = [];
  if (s === '') return out;
  let start = 0;
  let i = 0;
  while (i < s.length) {
    if (isWs(s.charCodeAt(i))) {
      out.push(s.slice(start, i));
      while (i < s.length && isWs(s.charCodeAt(i))) i++;
      start = i;
    } else i++;
  }
  out.push(s.slice(start));
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

const wordsOnly = /^\w*$/;

/**
 * Perl's `$type =~ s/([^\(]+\(\*?)\s*$param/$1/` ($param interpolated as a pattern). A param of
 * word characters only (nearly all) is matched by hand: the match starts after the `(` before a
 * `(` that has a non-`(` before it, takes an optional `*` (tried first), then whitespace, then
 * the name; the whitespace and name are removed. Other params go through a compiled pattern.
 */
function stripParamName(type: string, param: string): string {
  if (!wordsOnly.test(param)) {
    try {
      return type.replace(pre(String.raw`([^\(]+\(\*?)\s*` + param), '$1');
    } catch {
      return type;
    }
  }
  for (let p = type.indexOf('('); p >= 0; p = type.indexOf('(', p + 1)) {
    if (p === 0 || type.charCodeAt(p - 1) === 40) continue;
    if (type.charCodeAt(p + 1) === 42) {
      const r = skipWs(type, p + 2);
      if (type.startsWith(param, r)) return type.slice(0, p + 2) + type.slice(r + param.length);
    }
    const r = skipWs(type, p + 1);
    if (type.startsWith(param, r)) return type.slice(0, p + 1) + type.slice(r + param.length);
  }
  return type;
}

function skipWs(s: string, i: number): number {
  while (i < s.length && isWs(s.charCodeAt(i))) i++;
  return i;
}

/** Mirrors: scripts/kernel-doc: create_parameterlist, v6.12. */
export function createParameterlist(st: ParseState, args: string, splitter: string, declName: string): void {
  // Each pattern below runs only when the literal text every match contains is present. Arrays
  // are indexed, not shifted or iterated, and each push happens at one place: the function stays
  // small for the JIT and does not deoptimize on the different array shapes split/literals give.
  if (args.includes('(')) while (argExprComma.test(args)) args = args.replace(argExprCommaG, '$1#');
  const parts = perlSplit(args, splitter);
  for (let k = 0; k < parts.length; k++) {
    let arg = parts[k]!;
    if (arg.includes('/*')) arg = arg.replace(stripComment, '');
    if (arg.includes('POS')) arg = arg.replace(pos0, ' ');
    // s/^\s*//; s/\s*$//; s/\s+/ /;
    arg = collapseFirstWsRun(trimEndWs(trimStartWs(arg)));
    if (arg.startsWith('#')) {
      pushParameter(st, arg, '', '', '');
      continue;
    }
    const funcPtr = arg.includes('(') && isFuncPtr.test(arg);
    if (funcPtr || (arg.includes('(') && isArrayOfPtr.test(arg))) {
      // pointer to function, or pointer to array
      if (arg.includes('#')) arg = arg.replace(/#/g, ',');
      const m = (funcPtr ? funcPtrName : arrayPtrName).exec(arg);
      const param = m ? m[1]! : '';
      const type = stripParamName(arg, param);
      saveStructActual(st, param);
      pushParameter(st, param, type, arg, declName);
    } else if (perlTrue(arg)) {
      pushPlainParams(st, arg, declName);
    }
  }
}

/** The `else` branch of create_parameterlist: `type a, *b, c:3` and the like. */
function pushPlainParams(st: ParseState, arg: string, declName: string): void {
  if (arg.includes(':')) arg = arg.replace(colonWs, ':');
  if (arg.includes('[')) arg = arg.replace(bracketWs, '[');
  const list = arg.includes(',') ? perlSplit(arg, commaSplit) : [arg];
  let first = list.length ? list[0]! : '';
  if (first.includes('*')) first = first.replace(starsWs, ' $1');
  // @first_arg = split(/\s+/, ...) (with the array part kept whole); its last word is the first
  // param, the rest joined is the type.
  const fm = first.includes('[') ? firstArgArray.exec(first) : null;
  const words = splitWsPerl(fm ? fm[1]! : first);
  let firstParam: string;
  if (fm) firstParam = fm[2]!;
  else firstParam = words.length ? words.pop()! : '';
  const type = words.join(' ');
  for (let k = 0; k < Math.max(list.length, 1); k++) {
    const param = k === 0 ? firstParam : list[k]!;
    let name = param;
    let ctype = type;
    let m: RegExpExecArray | null;
    if (param.startsWith('*') && (m = ptrParam.exec(param))) {
      name = m[2]!;
      ctype = `${type} ${m[1]}`;
    } else if (param.includes(':') && (m = bitfieldParam.exec(param))) {
      if (type === '') continue;
      name = m[1]!;
      ctype = `${type}:${m[2]}`;
    }
    saveStructActual(st, name);
    pushParameter(st, name, ctype, arg, declName);
  }
}

/** Mirrors: scripts/kernel-doc: push_parameter, v6.12. */
export function pushParameter(st: ParseState, param: string, type: string, orgArg: string, declName: string): void {
  if (st.anonStructUnion && type === '' && param === '}') return;
  st.anonStructUnion = false;
  if (param.includes('[') || param.includes(')')) param = param.replace(/[[)][^\n]*/, '');
  const descs = st.parameterdescs;
  if (type === '' && param.includes('...') && /\.\.\.(?=\n?$)/.test(param)) {
    if (/\w\.\.\.(?=\n?$)/.test(param)) param = param.replace(/\.\.\.(?=\n?$)/, '');
    const d = descs.get(param);
    if (d === undefined || d === '') descs.set(param, 'variable arguments');
  } else if (type === '' && (param === '' || param === 'void')) {
    param = 'void';
    descs.set('void', 'no arguments');
  } else if (type === '' && (param === 'struct' || param === 'union')) {
    type = param;
    param = `{unnamed_${param}}`;
    descs.set(param, 'anonymous\n');
    st.anonStructUnion = true;
  } else if (param.includes('__cacheline_group')) {
    return;
  }
  if (!descs.has(param) && !param.startsWith('#')) {
    descs.set(param, UNDESCRIBED);
    if (!param.includes('.')) {
      st.warn(`Function parameter or struct member '${param}' not described in '${declName}'\n`, {
        gate: { type, name: declName },
      });
    }
  }
  st.parameterlist.push(param);
  st.parametertypes.set(param, orgArg.replace(multiWs, ' '));
  st.paramCtypes.set(param, type);
}

const attributeI = pre(ATTRIBUTE_SRC, 'i');

/** Mirrors: scripts/kernel-doc: check_sections, v6.12. */
export function checkSections(st: ParseState, declName: string, declType: string, sectcheck: string, prmscheck: string): void {
  const prms = new Set<string>();
  for (const p of splitWords(prmscheck)) {
    prms.add(p.includes('[') || p.includes('__') ? p.replace(/\[[^\n]*\]/, '').replace(attributeI, '').replace(/\[[^\n]*/, '') : p);
  }
  for (const s of splitWords(sectcheck)) {
    if (prms.has(s)) continue;
    if (declType === 'function') st.warn(`Excess function parameter '${s}' description in '${declName}'\n`);
    else if (declType === 'struct' || declType === 'union')
      st.warn(`Excess ${declType} member '${s}' description in '${declName}'\n`);
  }
}
