/**
 * The kernel-doc parser: a port of the line-driven state machine of `scripts/kernel-doc`
 * (perl, v6.12). Text in, `KdocFile` out; no I/O.
 */
import { dumpEnum } from './dump-enum.js';
import { dumpFunction, syscallMunge, tracepointMunge } from './dump-function.js';
import { dumpStruct } from './dump-struct.js';
import { dumpTypedef } from './dump-typedef.js';
import { scanExports } from './exports.js';
import { dumpSection, emitItem } from './item.js';
import { LineSource } from './lines.js';
import { pre, trimEndWs, trimStartWs } from './perl-regex.js';
import {
  declArgs,
  Inl,
  ParseState,
  SECTION_CONTEXT,
  SECTION_DEFAULT,
  SECTION_INTRO,
  SECTION_RETURN,
  St,
} from './state.js';
import type { KdocFile } from './types.js';

/** Options of `parseKernelDoc` (the parse itself does not depend on `-W*`: flags are recorded). */
export interface ParseOptions {
  /** Skip the `EXPORT_SYMBOL*` scan (exports stays empty). */
  noExports?: boolean;
}

const DOC_COM = String.raw`\s*\*\s*`;
const docBlock = pre(DOC_COM + String.raw`DOC:\s*(.*)?`);
const docDecl = pre(DOC_COM + String.raw`(\w+)`);
const docSect = pre(
  DOC_COM + String.raw`\s*(\@[.\w]+|\@\.\.\.|description|context|returns?|notes?|examples?)\s*:([^:].*)?$`,
  'i',
);
const docContent = pre(String.raw`\s*\* ?(.*)`);
const docInlineSect = pre(String.raw`\s*\*\s*(@\s*[\w][\w\.]*\s*):(.*)`);
const docInlineStart = pre(String.raw`^\s*/\*\*\s*$`);
const docInlineEnd = pre(String.raw`^\s*\*/\s*$`);
const docInlineOneline = pre(String.raw`^\s*/\*\*\s*(@[\w\s]+):\s*(.*)\s*\*/\s*$`);
const nameLine = pre(String.raw`^` + DOC_COM + String.raw`([\w\s]+?)(?:\(\w*\))?\s*(?:[-:].*)?$`);
const nameKind = pre(String.raw`^(struct|union|enum|typedef)\b\s*(\S*)`);
const fnLine1 = pre(String.raw`^` + DOC_COM + String.raw`(?:\w+\s*\*\s*)?(\w+)\s*(?:\(\w*\))?\s*(?:[-:].*)?$`);
const fnLine2 = pre(String.raw`^` + DOC_COM + String.raw`(?:\w+\s*\*\s*)?(\w+.*)(?:\(\w*\))?\s*[-:].*$`);
const purposeRe = pre(String.raw`[-:](.*)`);
const blankWithStar = pre(String.raw`^\s*\*\s?\S`);
const suspicious = pre(String.raw`\s*\*\s*[a-zA-Z_0-9:\.]+\*/`);
const blankLine = pre(String.raw`^\s*$`);
const defineWord = pre(String.raw`^define\s+`);
const wsRunG = pre(String.raw`\s+`, 'g');
const hashDefineStart = pre(String.raw`^#\s*define`);
const hashDefine = pre(String.raw`\#\s*define`);
const cComment = pre(String.raw`/\*.*?\*/`, 'gs');
const fnPtrDecl = pre(String.raw`^(\S+\s+)\(\s*\*(\S+)\)`);

/** Mirrors: scripts/kernel-doc: process_name, v6.12. */
function processName(st: ParseState, line: string): void {
  let m: RegExpExecArray | null;
  if ((m = docBlock.exec(line))) {
    st.state = St.DOCBLOCK;
    st.contents = '';
    st.newStartLine = st.lineNo;
    st.section = (m[1] ?? '') === '' ? SECTION_INTRO : m[1]!;
  } else if ((m = docDecl.exec(line))) {
    st.identifier = m[1]!;
    let isKernelComment = false;
    const nl = nameLine.exec(line);
    if (nl) st.identifier = nl[1]!;
    const k = nameKind.exec(st.identifier);
    if (k) {
      st.declType = k[1]!;
      st.identifier = k[2]!;
      isKernelComment = true;
    } else {
      const f = fnLine1.exec(line) ?? fnLine2.exec(line);
      if (f) {
        st.identifier = f[1]!.replace(defineWord, '');
        st.declType = 'function';
        isKernelComment = true;
      }
    }
    st.identifier = trimEndWs(st.identifier);
    st.state = St.BODY;
    st.contents = '';
    st.section = SECTION_DEFAULT;
    st.newStartLine = st.lineNo + 1;
    const p = purposeRe.exec(line);
    if (p) {
      st.declarationPurpose = trimEndWs(trimStartWs(p[1]!)).replace(wsRunG, ' ');
      st.state = St.BODY_MAYBE;
    } else {
      st.declarationPurpose = '';
    }
    if (!isKernelComment) {
      st.warn(
        `This comment starts with '/**', but isn't a kernel-doc comment. Refer Documentation/doc-guide/kernel-doc.rst\n${line}`,
      );
      st.state = St.NORMAL;
    }
    if (st.declarationPurpose === '') st.warn(`missing initial short description on line:\n${line}`, { flag: 'short-desc' });
    if (st.identifier === '' && st.declType !== 'enum') {
      st.warn(`wrong kernel-doc identifier on line:\n${line}`);
      st.state = St.NORMAL;
    }
  } else {
    st.warn(`Cannot understand ${line} on line ${st.lineNo} - I thought it was a doc line\n`);
    st.state = St.NORMAL;
  }
}

/** Mirrors: scripts/kernel-doc: process_body, v6.12. */
function processBody(st: ParseState, line: string): void {
  if (st.state === St.BODY_WITH_BLANK_LINE && blankWithStar.test(line)) {
    dumpSection(st, st.section, st.contents);
    st.section = SECTION_DEFAULT;
    st.newStartLine = st.lineNo;
    st.contents = '';
  }
  let m: RegExpExecArray | null;
  // docSect needs a ':' (most body lines have none).
  if (line.includes(':') && (m = docSect.exec(line))) {
    st.inDocSect = 1;
    let newsection = m[1]!;
    const newcontents = m[2] ?? '';
    if (/^description$/i.test(newsection)) newsection = SECTION_DEFAULT;
    else if (/^context$/i.test(newsection)) newsection = SECTION_CONTEXT;
    else if (/^returns?$/i.test(newsection)) newsection = SECTION_RETURN;
    else if (newsection === '@return') newsection = SECTION_RETURN;
    if (st.contents !== '' && st.contents !== '\n') {
      dumpSection(st, st.section, st.contents);
      st.section = SECTION_DEFAULT;
    }
    st.inDocSect = 1;
    st.state = St.BODY;
    let c = newcontents;
    while (c.startsWith(' ')) c = c.slice(1);
    if (c !== '') c += '\n';
    st.contents = c;
    st.newStartLine = st.lineNo;
    st.section = newsection;
    st.leadingSpace = undefined;
  } else if (line.includes('*/')) {
    if (st.contents !== '' && st.contents !== '\n') {
      dumpSection(st, st.section, st.contents);
      st.section = SECTION_DEFAULT;
      st.contents = '';
    }
    if (suspicious.test(line)) st.warn(`suspicious ending line: ${line}`);
    st.prototype = '';
    st.state = St.PROTO;
    st.brcount = 0;
    st.newStartLine = st.lineNo + 1;
    st.protoStartLine = st.lineNo + 1;
  } else if ((m = docContent.exec(line))) {
    let cont = m[1]!;
    if (cont === '') {
      if (st.section === SECTION_CONTEXT) {
        dumpSection(st, st.section, st.contents);
        st.section = SECTION_DEFAULT;
        st.contents = '';
        st.newStartLine = st.lineNo;
        st.state = St.BODY;
      } else {
        st.state = st.section !== SECTION_DEFAULT ? St.BODY_WITH_BLANK_LINE : St.BODY;
        st.contents += '\n';
      }
    } else if (st.state === St.BODY_MAYBE) {
      st.declarationPurpose = (st.declarationPurpose.replace(/\n$/, '') + ' ' + cont).replace(wsRunG, ' ');
    } else {
      if (st.section.startsWith('@') || st.section === SECTION_CONTEXT) {
        if (st.leadingSpace === undefined) {
          const ls = /^[\t\n\v\f\r ]+/.exec(cont);
          st.leadingSpace = ls ? ls[0] : '';
        }
        if (cont.startsWith(st.leadingSpace)) cont = cont.slice(st.leadingSpace.length);
      }
      st.contents += cont + '\n';
    }
  } else {
    st.warn(`bad line: ${line}`);
  }
}

/** Mirrors: scripts/kernel-doc: process_proto_function, v6.12. */
function processProtoFunction(st: ParseState, x: string): void {
  const c = x.indexOf('//');
  if (c >= 0) x = x.slice(0, c);
  if (x.startsWith('#') && !hashDefineStart.test(x)) {
    // preprocessor line: ignored
  } else {
    const b = x.indexOf('{');
    st.prototype += b >= 0 ? x.slice(0, b) : x;
  }
  if (x.includes('{') || x.includes(';') || (x.includes('#') && hashDefine.test(x))) {
    let p = st.prototype;
    if (p.includes('/*')) p = p.replace(cComment, '');
    p = trimStartWs(p.replace(/[\r\n]+/g, ' '));
    if (p.includes('(')) p = p.replace(fnPtrDecl, '$1$2');
    if (p.includes('SYSCALL_DEFINE')) p = syscallMunge(p);
    if (p.includes('TRACE_EVENT') || p.includes('DEFINE_EVENT') || p.includes('DEFINE_SINGLE_EVENT')) {
      p = tracepointMunge(st, p);
    }
    st.prototype = p;
    dumpFunction(st, p);
    st.reset();
  }
}

/**
 * Mirrors: scripts/kernel-doc: process_proto_type, v6.12. Perl's
 * `while (1) { if ( $x =~ /([^\{\};]*)([\{\};])(.*)/ ) {...} }` splits at the first `{`, `}` or
 * `;` (the line holds no newline by then); done here with a scan instead of a regex per token.
 */
function processProtoType(st: ParseState, x: string): void {
  // s@[\r\n]+@ @gos; s@^\s+@@gos; s@\s+$@@gos; (a single final newline is trailing whitespace)
  const nl = x.indexOf('\n');
  if (x.includes('\r') || (nl >= 0 && nl < x.length - 1)) x = x.replace(/[\r\n]+/g, ' ');
  x = trimStartWs(trimEndWs(x));
  const c = x.indexOf('//');
  if (c >= 0) x = x.slice(0, c);
  if (x.startsWith('#')) x += ';';
  let from = 0;
  for (;;) {
    let i = from;
    let d = 0;
    for (; i < x.length; i++) {
      d = x.charCodeAt(i);
      if (d === 123 || d === 125 || d === 59) break;
    }
    if (i === x.length) {
      st.prototype += from === 0 ? x : x.slice(from);
      return;
    }
    if (st.prototype.length) st.prototype += ' ';
    st.prototype += x.slice(from, i + 1);
    if (d === 123) st.brcount++;
    else if (d === 125) st.brcount--;
    else if (st.brcount === 0) {
      dumpDeclaration(st, st.prototype);
      st.reset();
      return;
    }
    from = i + 1;
  }
}

/** Mirrors: scripts/kernel-doc: dump_declaration, v6.12. */
function dumpDeclaration(st: ParseState, prototype: string): void {
  switch (st.declType) {
    case 'struct':
    case 'union':
      return dumpStruct(st, prototype);
    case 'enum':
      return dumpEnum(st, prototype);
    case 'typedef':
      return dumpTypedef(st, prototype);
  }
}

/** Mirrors: scripts/kernel-doc: process_proto, v6.12. */
function processProto(st: ParseState, line: string): void {
  let m: RegExpExecArray | null;
  if ((m = docInlineOneline.exec(line))) {
    st.section = m[1]!;
    st.contents = m[2]!;
    if (st.contents !== '') {
      st.contents += '\n';
      dumpSection(st, st.section, st.contents);
      st.section = SECTION_DEFAULT;
      st.contents = '';
    }
  } else if (docInlineStart.test(line)) {
    st.state = St.INLINE;
    st.inlineState = Inl.NAME;
  } else if (st.declType === 'function') {
    processProtoFunction(st, line);
  } else {
    processProtoType(st, line);
  }
}

/** Mirrors: scripts/kernel-doc: process_docblock and dump_doc_section, v6.12. */
function processDocblock(st: ParseState, line: string): void {
  if (line.includes('*/')) {
    dumpSection(st, st.section, st.contents);
    emitItem(st, declArgs('doc', st.section));
    st.section = SECTION_DEFAULT;
    st.contents = '';
    st.reset();
  } else {
    const m = docContent.exec(line);
    if (m) st.contents += m[1] === '' ? '\n' : m[1] + '\n';
  }
}

/** Mirrors: scripts/kernel-doc: process_inline, v6.12. */
function processInline(st: ParseState, line: string): void {
  let m: RegExpExecArray | null;
  if (st.inlineState === Inl.NAME && (m = docInlineSect.exec(line))) {
    st.section = m[1]!;
    st.contents = m[2]!;
    st.newStartLine = st.lineNo;
    if (st.contents !== '') {
      while (st.contents.startsWith(' ')) st.contents = st.contents.slice(1);
      st.contents += '\n';
    }
    st.inlineState = Inl.TEXT;
  } else if (docInlineEnd.test(line)) {
    if (st.contents !== '' && st.contents !== '\n') {
      dumpSection(st, st.section, st.contents);
      st.section = SECTION_DEFAULT;
      st.contents = '';
    }
    st.state = St.PROTO;
    st.inlineState = Inl.NA;
  } else if ((m = docContent.exec(line))) {
    if (st.inlineState === Inl.TEXT) {
      st.contents += m[1] + '\n';
      if (blankLine.test(st.contents)) st.contents = '';
    } else if (st.inlineState === Inl.NAME) {
      st.inlineState = Inl.ERROR;
      st.warn(`Incorrect use of kernel-doc format: ${line}`);
    }
  }
}

/** process_normal: the skip to the next doc start guarantees this line is `$doc_start`. */
function processNormal(st: ParseState): void {
  st.flushPending();
  st.state = St.NAME;
  st.inDocSect = 0;
  st.declarationStartLine = st.lineNo + 1;
}

/**
 * The state handlers by state number. Called through this table (six targets: one megamorphic
 * call) rather than a switch, so the line loop is not recompiled each time a handler inlined into
 * it meets a new case; each handler is optimized on its own.
 */
const HANDLERS: ReadonlyArray<(st: ParseState, line: string) => void> = [];
(HANDLERS as Array<(st: ParseState, line: string) => void>)[St.NORMAL] = processNormal;
(HANDLERS as Array<(st: ParseState, line: string) => void>)[St.NAME] = processName;
(HANDLERS as Array<(st: ParseState, line: string) => void>)[St.BODY_MAYBE] = processBody;
(HANDLERS as Array<(st: ParseState, line: string) => void>)[St.BODY] = processBody;
(HANDLERS as Array<(st: ParseState, line: string) => void>)[St.BODY_WITH_BLANK_LINE] = processBody;
(HANDLERS as Array<(st: ParseState, line: string) => void>)[St.PROTO] = processProto;
(HANDLERS as Array<(st: ParseState, line: string) => void>)[St.DOCBLOCK] = processDocblock;
(HANDLERS as Array<(st: ParseState, line: string) => void>)[St.INLINE] = processInline;

/**
 * Parses one C source or header. `text` should be the file decoded as latin1 for byte-exact parity
 * with perl (tab stops and warning texts count bytes); UTF-8 decoding works too.
 * Mirrors: scripts/kernel-doc: process_file (and process_export_file for `exports`), v6.12.
 */
export function parseKernelDoc(text: string, file: string, opts: ParseOptions = {}): KdocFile {
  const st = new ParseState(file);
  const src = new LineSource(text);
  for (;;) {
    if (st.state === St.NORMAL && !src.skipToDocStart()) break;
    const line = src.next();
    if (line === null) break;
    st.lineNo = src.lineNo;
    HANDLERS[st.state]!(st, line);
  }
  st.flushPending();
  const warnings = st.fileWarnings;
  return {
    file,
    items: st.items,
    exports: opts.noExports ? [] : scanExports(text),
    warnings,
    rejected: st.rejected.length ? st.rejected : undefined,
  };
}
