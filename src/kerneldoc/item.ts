/**
 * Where the parser's state becomes data: `dump_section` (a finished section or `@param`
 * description goes into the per-item tables) and `output_declaration` (the tables become one
 * `KdocItem`, instead of being printed).
 */
import { pre } from './perl-regex.js';
import { type DeclArgs, type ParseState, SECTION_DEFAULT, UNDESCRIBED } from './state.js';
import type { KdocItem, KdocParam, KdocSection } from './types.js';

const typeParam = pre(String.raw`\@(\w*((\.\w+)|(->\w+))*(\.\.\.)?)`);

/** Mirrors: scripts/kernel-doc: dump_section, v6.12. */
export function dumpSection(st: ParseState, name: string, contents: string): void {
  const m = typeParam.exec(name);
  if (m || name === '@...') {
    const pname = m ? m[1]! : '...';
    st.parameterdescs.set(pname, contents);
    st.sectcheck = st.sectcheck + pname + ' ';
    st.parameterdescStartLines.set(pname, st.newStartLine);
    st.newStartLine = 0;
    return;
  }
  const old = st.sections.get(name);
  if (old !== undefined && old !== '') {
    if (name !== SECTION_DEFAULT) st.warn(`duplicate section name '${name}'\n`);
    st.sections.set(name, old + contents);
  } else {
    st.sections.set(name, contents);
    st.sectionlist.push(name);
    st.sectionStartLines.set(name, st.newStartLine);
    st.newStartLine = 0;
  }
}

/**
 * Trims leading and trailing blank lines (and trailing whitespace) of a body: what
 * `s.replace(/^(?:[ \t\r\f\v]*\n)+/, '').replace(/\s+$/, '')` gives (JavaScript `\s`), by a scan.
 */
export function trimBody(s: string): string {
  let b = 0;
  for (;;) {
    let j = b;
    let c = 0;
    while (j < s.length && ((c = s.charCodeAt(j)) === 32 || c === 9 || c === 11 || c === 12 || c === 13)) j++;
    if (j < s.length && c === 10) b = j + 1;
    else break;
  }
  let e = s.length;
  while (e > b && isJsWs(s.charCodeAt(e - 1))) e--;
  return b === 0 && e === s.length ? s : s.slice(b, e);
}

/** JavaScript's `\s` on one char code. */
function isJsWs(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * Builds the item `output_declaration` would print from the current tables.
 * Mirrors: scripts/kernel-doc: output_declaration, v6.12 (the argument hashes of its callers).
 */
export function emitItem(st: ParseState, a: DeclArgs): KdocItem {
  // Arrays built by push onto a literal (not by .map): one elements kind whether empty or not.
  const params: KdocParam[] = [];
  for (const name of st.parameterlist) {
    const key = name.includes('[') ? name.replace(/\[[^]*/, '') : name;
    const raw = st.parameterdescs.get(key);
    const described = raw !== undefined && raw !== UNDESCRIBED;
    const dl = st.parameterdescStartLines.get(key);
    // Every key present in one order (absent ones undefined, which JSON output drops): one shape.
    const p: KdocParam = {
      name,
      type: a.ctypes?.get(name) ?? '',
      description: described ? trimBody(raw) : '',
      line: described ? (dl ?? 0) : 0,
      declaration: st.parametertypes.get(name) ?? '',
      rawDescription: described ? raw : undefined,
      descLine: dl,
      directive: name.startsWith('#') ? true : undefined,
    };
    params.push(p);
  }
  const sections: KdocSection[] = [];
  for (const name of st.sectionlist) {
    const raw = st.sections.get(name) ?? '';
    sections.push({ name, body: trimBody(raw), line: st.sectionStartLines.get(name) ?? 0, raw });
  }
  const item: KdocItem = {
    kind: a.kind,
    name: a.name,
    file: st.file,
    line: st.declarationStartLine - 1,
    declLine: st.protoStartLine,
    purpose: st.declarationPurpose,
    params,
    sections,
    warnings: st.takePending(),
    // Every optional key present in the order they used to be added (absent ones undefined,
    // which JSON output drops): all items share one shape.
    returnType: a.returnType,
    functionLike: a.kind === 'macro' ? !a.funcMacro : undefined,
    prototype: undefined,
    protoLine: undefined,
    viaDumpFunction: a.viaDumpFunction ? true : undefined,
    perlDefinition: a.perlDefinition,
    definition: undefined,
  };
  if (a.kind === 'function' || a.kind === 'macro' || (a.kind === 'typedef' && a.typedef)) {
    item.prototype = signature(a, params);
    item.protoLine = st.protoStartLine;
  }
  if (a.perlDefinition !== undefined) {
    item.definition = prettyDefinition(a.structType ?? 'struct', a.name, a.perlDefinition);
  }
  if (a.kind === 'enum') {
    let values = '';
    for (let i = 0; i < params.length; i++) values += (i ? ',\n    ' : '    ') + params[i]!.name;
    item.definition = `enum ${a.name} {\n${values}\n};`;
  }
  st.items.push(item);
  return item;
}

const functionPointer = pre(String.raw`([^\(]*\(\*)\s*\)\s*\(([^\)]*)\)`);

/** The signature line of `output_function_rst`. */
function signature(a: DeclArgs, params: KdocParam[]): string {
  let sig = '';
  if (a.funcMacro) sig = a.name;
  else {
    if (a.returnType) sig = a.returnType + ' ';
    sig += a.name + ' (';
  }
  for (let i = 0; i < params.length; i++) {
    const p = params[i]!;
    const t = p.declaration ?? '';
    const m = t.includes('(*') ? functionPointer.exec(t) : null;
    if (i) sig += ', ';
    sig += m ? `${m[1]}${p.name}) (${m[2]})` : t;
  }
  if (!a.funcMacro) sig += ')';
  return sig;
}

/** The **Definition** block as C: `struct name {`, members indented 4 per level, `};`. */
function prettyDefinition(type: string, name: string, perlDef: string): string {
  const body = perlDef
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.slice(1).replace(/\t/g, '    '))
    .join('\n');
  return `${type} ${name} {\n${body}${body ? '\n' : ''}};`;
}
