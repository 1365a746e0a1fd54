/**
 * The one contract between the kernel-doc parser and every output (rst, json, MDX).
 *
 * Mirrors the record that `scripts/kernel-doc` (perl, v6.12) hands to its `output_declaration`
 * and that the Python rewrite calls `KdocItem`: a declaration name, its kind, the parameters or
 * members in source order with their descriptions, and the free sections in source order.
 * Everything here is plain data (JSON-serialisable); the parser never touches the file system.
 */

/** Kinds of kernel-doc items, named as the kernel's tool names them. */
export type ItemKind =
  | 'function' // C function (prototype or definition)
  | 'macro' // #define: function-like (has params) or object-like
  | 'struct'
  | 'union'
  | 'enum'
  | 'typedef' // incl. function-pointer typedefs (then `params` is filled)
  | 'doc'; // a `DOC:` block

/** A warning as kernel-doc prints it: `file:line: warning: message`. */
export interface KdocWarning {
  file: string;
  /** 1-based source line the kernel's tool reports. */
  line: number;
  /** Exact wording of the kernel's tool, without the `file:line: warning: ` prefix. */
  message: string;
  /**
   * Whether the perl tool emits this only with `-Wall` / one of the `-W*` switches
   * (e.g. `-Wreturn`, `-Wshort-desc`) rather than always.
   */
  flag?: 'return' | 'short-desc' | 'contents-before-sections';
  /** `'error'` for the perl tool's `file:line: error: ...` lines (e.g. `Cannot parse struct or union!`). */
  severity?: 'warning' | 'error';
  /**
   * Set when perl emits the warning only if `show_warnings(type, name)` holds for the output
   * selection (`-export`/`-internal`/`-function`); `type` is what perl passes (for member
   * warnings: the member's C type, as perl does).
   */
  gate?: { type: string; name: string };
  /** Emission order within the file (warnings of items and of the file interleave by it). */
  seq?: number;
}

/** A parameter of a function/macro/function-pointer typedef, a struct/union member or an enum value. */
export interface KdocParam {
  /** Name as kernel-doc lists it: `dmabuf`, `...`, a nested member `st1.memb1`. */
  name: string;
  /** Declared C type as kernel-doc prints it (`struct dma_buf *`), empty for enum values. */
  type: string;
  /** Description body (kernel-doc markup inside reStructuredText), `''` when undocumented. */
  description: string;
  /** 1-based line where the `@name:` description starts, 0 when undocumented. */
  line: number;
  /** The whole declaration as perl's rst prints it in ``` ``...`` ``` (`struct dma_buf *dmabuf`). */
  declaration?: string;
  /** The description exactly as perl stores it (untrimmed); absent when undescribed. */
  rawDescription?: string;
  /** A preprocessor line (`#ifdef X`) kept in the member list as perl keeps it. */
  directive?: boolean;
  /** Perl's `$parameterdesc_start_lines{name}` when set (may be 0 for one-line inline docs); for `-enable-lineno`. */
  descLine?: number;
}

/** A named section of a comment, in source order: `Description`, `Return`, `Context`, `Note`, ... */
export interface KdocSection {
  /** Section name as written (`Return`, `Returns`, `Context`, `Note`, `Example`, `Description`). */
  name: string;
  /** Body (kernel-doc markup inside reStructuredText), leading/trailing blank lines trimmed. */
  body: string;
  /** 1-based line where the section starts. */
  line: number;
  /** The body exactly as perl stores it (untrimmed; rst output is rendered from it). */
  raw?: string;
}

/**
 * One documented declaration. The parser creates every item (and every param and warning) with all
 * optional keys present, `undefined` when absent, so they share one object shape; test for absence
 * with `=== undefined`, not `in` (JSON output is unaffected: `undefined` keys are dropped).
 */
export interface KdocItem {
  kind: ItemKind;
  /** Identifier (`dma_buf_attach`, `dma_buf_ops`); for `doc` the DOC: title. */
  name: string;
  /** File name as given to the parser (e.g. `drivers/dma-buf/dma-buf.c`). */
  file: string;
  /** 1-based line of the declaration's kernel-doc comment start (the `/**` line). */
  line: number;
  /** 1-based line of the declaration (prototype / struct keyword) after the comment. */
  declLine: number;
  /** Short description after `name -`, empty when missing. */
  purpose: string;
  /** Functions/macros/typedefs: return type as printed (`struct dma_buf_attachment *`), `''` for void-less macros. */
  returnType?: string;
  /** Functions: the C prototype as the rst output prints it (signature line). */
  prototype?: string;
  /** Function-like macro (`#define f(a, b)`), as opposed to an object-like one. */
  functionLike?: boolean;
  /** Struct/union/enum/typedef: the definition as pretty-printed C (the rst **Definition** block). */
  definition?: string;
  /** Parameters, members or enum values in declaration order. */
  params: KdocParam[];
  /** Free sections in comment order (the implicit `Description` included). */
  sections: KdocSection[];
  /** Warnings kernel-doc raises for this item (only those tied to it). */
  warnings: KdocWarning[];
  /** Struct/union: perl's tab-indented member block (the **Definition** body before `\t` expansion). */
  perlDefinition?: string;
  /** Functions/macros/typedefs: line after the comment's `*` + `/` (perl's `$new_start_line` at dump time). */
  protoLine?: number;
  /** Functions: perl emitted it through `dump_function` (affects `-enable-lineno`). */
  viaDumpFunction?: boolean;
}

/** Result of parsing one file. */
export interface KdocFile {
  file: string;
  items: KdocItem[];
  /** Symbols named by `EXPORT_SYMBOL*()` in this file (for `:export:` / `:internal:`). */
  exports: string[];
  /** Warnings not tied to an item (e.g. `bad line:`), in source order. */
  warnings: KdocWarning[];
  /**
   * Prototypes perl's `dump_function` rejected (it still prints `.. LINENO` for them with
   * `-enable-lineno`): the line, and the index of the item that follows.
   */
  rejected?: Array<{ line: number; beforeItem: number }>;
}

/** Inline markup node, parsed once from kernel-doc text and rendered per format. */
export type InlineNode =
  | { type: 'text'; value: string }
  /** `func()` — a function reference. */
  | { type: 'func'; name: string }
  /** `&struct name`, `&union name`, `&enum name`, `&typedef name`, bare `&name`. */
  | {
      type: 'typeref';
      kind: 'struct' | 'union' | 'enum' | 'typedef' | 'any';
      name: string;
      /** Text after `&` as written (`struct  foo`), which perl's rst repeats. */
      raw?: string;
    }
  /** `&struct name.member`, `&name->member`: a member of a struct/union. */
  | {
      type: 'memberref';
      kind: 'struct' | 'union' | 'any';
      name: string;
      member: string;
      /** Separator as written. */
      sep?: '.' | '->';
      /** Written as a call: `&name->op()`. */
      call?: boolean;
      /** For `kind` struct/union: `struct  name` as written. */
      raw?: string;
    }
  /** `@param` (format only); `@name()` sets `call`; `*@p`, `!@p`, `~@p` set `prefix`. */
  | { type: 'param'; name: string; prefix?: string; call?: boolean }
  /** `%CONST` (format only). */
  | { type: 'const'; name: string }
  /** `$ENVVAR` (format only). */
  | { type: 'envvar'; name: string }
  /** ``` ``literal`` ``` (verbatim; no markup inside). */
  | { type: 'literal'; value: string };
