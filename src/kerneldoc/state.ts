/**
 * The parser's working state: the globals of `scripts/kernel-doc` (perl, v6.12) gathered in one
 * object, plus where warnings and finished items go. One instance per parsed file.
 */
import type { KdocItem, KdocWarning } from './types.js';

/** Parser states, as perl numbers them. Mirrors: scripts/kernel-doc: STATE_* constants, v6.12. */
export const enum St {
  NORMAL = 0,
  NAME = 1,
  BODY_MAYBE = 2,
  BODY = 3,
  BODY_WITH_BLANK_LINE = 4,
  PROTO = 5,
  DOCBLOCK = 6,
  INLINE = 7,
}

/** Sub-states of INLINE. Mirrors: scripts/kernel-doc: STATE_INLINE_* constants, v6.12. */
export const enum Inl {
  NA = 0,
  NAME = 1,
  TEXT = 2,
  END = 3,
  ERROR = 4,
}

/** Perl's `$undescribed` marker for members/params without a description. */
export const UNDESCRIBED = '-- undescribed --';
/** Perl's `$section_default`. */
export const SECTION_DEFAULT = 'Description';
/** Perl's `$section_intro` (title of an untitled `DOC:` block). */
export const SECTION_INTRO = 'Introduction';
/** Perl's `$section_context`. */
export const SECTION_CONTEXT = 'Context';
/** Perl's `$section_return`. */
export const SECTION_RETURN = 'Return';

/** Fields of `output_declaration`'s argument hash that an item is built from. */
export interface DeclArgs {
  kind: KdocItem['kind'];
  name: string;
  returnType?: string;
  typedef?: boolean;
  funcMacro?: boolean;
  define?: boolean;
  perlDefinition?: string;
  structType?: 'struct' | 'union';
  viaDumpFunction?: boolean;
  /** C type per parameter as `push_parameter` received it. */
  ctypes?: Map<string, string>;
}

/**
 * A `DeclArgs` with every field present (in one order), so that all of them share one shape and
 * the code reading them stays monomorphic; callers fill in what they have.
 */
export function declArgs(kind: KdocItem['kind'], name: string): DeclArgs {
  return {
    kind,
    name,
    returnType: undefined,
    typedef: undefined,
    funcMacro: undefined,
    define: undefined,
    perlDefinition: undefined,
    structType: undefined,
    viaDumpFunction: undefined,
    ctypes: undefined,
  };
}

/**
 * Perl's parser globals (`$state`, `%parameterdescs`, `@sectionlist`, `$prototype`, ...) and the
 * sinks for items and warnings. Mirrors: scripts/kernel-doc: the `my` globals and reset_state, v6.12.
 */
export class ParseState {
  lineNo = 0;
  state: St = St.NORMAL;
  inlineState: Inl = Inl.NA;
  inDocSect = 0;
  leadingSpace: string | undefined = undefined;
  declarationStartLine = 0;
  identifier = '';
  declType = '';
  declarationPurpose = '';
  section = SECTION_DEFAULT;
  contents = '';
  newStartLine = 0;
  protoStartLine = 0;
  prototype = '';
  brcount = 0;
  anonStructUnion = false;

  parameterdescs = new Map<string, string>();
  parameterdescStartLines = new Map<string, number>();
  parameterlist: string[] = [];
  parametertypes = new Map<string, string>();
  paramCtypes = new Map<string, string>();
  sections = new Map<string, string>();
  sectionlist: string[] = [];
  sectionStartLines = new Map<string, number>();
  sectcheck = '';
  structActual = '';

  readonly items: KdocItem[] = [];
  /** Prototypes `dump_function` gave up on (for `-enable-lineno`). */
  readonly rejected: Array<{ line: number; beforeItem: number }> = [];
  readonly fileWarnings: KdocWarning[] = [];
  private pending: KdocWarning[] = [];
  private seq = 0;

  constructor(readonly file: string) {}

  /** `emit_warning("${file}:$.", $msg)`; the trailing newline of `msg` is dropped. */
  warn(msg: string, extra?: Partial<KdocWarning>, line = this.lineNo): void {
    const message = msg.endsWith('\n') ? msg.slice(0, -1) : msg;
    // One shape for all warnings (callers pass one of flag/severity/gate; absent ones undefined).
    this.pending.push({
      file: this.file,
      line,
      message,
      seq: this.seq++,
      flag: extra?.flag,
      severity: extra?.severity,
      gate: extra?.gate,
    });
  }

  /** `print STDERR "${file}:$.: error: ..."`. */
  error(msg: string): void {
    this.warn(msg, { severity: 'error' });
  }

  /** Hands the warnings gathered since the last item to a new item. */
  takePending(): KdocWarning[] {
    const w = this.pending;
    this.pending = [];
    return w;
  }

  /** Warnings not claimed by an item become file warnings. */
  flushPending(): void {
    const w = this.pending;
    if (!w.length) return;
    this.pending = [];
    for (let i = 0; i < w.length; i++) this.fileWarnings.push(w[i]!);
  }

  /** Mirrors: scripts/kernel-doc: reset_state, v6.12. */
  reset(): void {
    this.parameterdescs = new Map();
    this.parametertypes = new Map();
    this.paramCtypes = new Map();
    this.parameterdescStartLines = new Map();
    this.parameterlist = [];
    this.sections = new Map();
    this.sectionlist = [];
    this.sectionStartLines = new Map();
    this.sectcheck = '';
    this.structActual = '';
    this.prototype = '';
    this.state = St.NORMAL;
    this.inlineState = Inl.NA;
    this.flushPending();
  }
}
