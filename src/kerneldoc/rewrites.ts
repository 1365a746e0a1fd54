/**
 * The macro rewrites kernel-doc applies before parsing a prototype or a struct body, as data.
 * Each row is perl's `s/pattern/replacement/flags`, in perl's order; patterns are perl syntax
 * (compiled by `pre`), replacements use `$1`-style groups.
 */
import { pre } from './perl-regex.js';
import { ATTRIBUTE_SRC } from './parameters.js';

/** One `s///` of the perl tool. */
export interface Rewrite {
  /** Perl pattern source. */
  pattern: string;
  /** Replacement (`$1`... allowed). */
  replace: string;
  /** Perl flags (`g`, `s`, `i`). */
  flags?: string;
  /** A literal every match contains (case-sensitively): the row is skipped when it is absent. */
  needle?: string;
}

/**
 * Prototype clean-ups of `dump_function`, before `#define` detection (each once, first match).
 * Mirrors: scripts/kernel-doc: dump_function, v6.12.
 */
export const FUNCTION_REWRITES: readonly Rewrite[] = [
  { pattern: '^static +', needle: 'static ', replace: '' },
  { pattern: '^extern +', needle: 'extern ', replace: '' },
  { pattern: '^asmlinkage +', needle: 'asmlinkage ', replace: '' },
  { pattern: '^inline +', needle: 'inline ', replace: '' },
  { pattern: '^__inline__ +', needle: '__inline__ ', replace: '' },
  { pattern: '^__inline +', needle: '__inline ', replace: '' },
  { pattern: '^__always_inline +', needle: '__always_inline ', replace: '' },
  { pattern: '^noinline +', needle: 'noinline ', replace: '' },
  { pattern: '^__FORTIFY_INLINE +', needle: '__FORTIFY_INLINE ', replace: '' },
  { pattern: '__init +', needle: '__init ', replace: '' },
  { pattern: '__init_or_module +', needle: '__init_or_module ', replace: '' },
  { pattern: '__deprecated +', needle: '__deprecated ', replace: '' },
  { pattern: '__flatten +', needle: '__flatten ', replace: '' },
  { pattern: '__meminit +', needle: '__meminit ', replace: '' },
  { pattern: '__must_check +', needle: '__must_check ', replace: '' },
  { pattern: '__weak +', needle: '__weak ', replace: '' },
  { pattern: '__sched +', needle: '__sched ', replace: '' },
  { pattern: '_noprof', needle: '_noprof', replace: '' },
  { pattern: String.raw`__printf\s*\(\s*\d*\s*,\s*\d*\s*\) +`, needle: '__printf', replace: '' },
  { pattern: String.raw`__(?:re)?alloc_size\s*\(\s*\d+\s*(?:,\s*\d+\s*)?\) +`, needle: 'alloc_size', replace: '' },
  { pattern: String.raw`__diagnose_as\s*\(\s*\S+\s*(?:,\s*\d+\s*)*\) +`, needle: '__diagnose_as', replace: '' },
  { pattern: String.raw`DECL_BUCKET_PARAMS\s*\(\s*(\S+)\s*,\s*(\S+)\s*\)`, needle: 'DECL_BUCKET_PARAMS', replace: '$1, $2' },
];

/**
 * Clean-ups of `dump_function` after `#define` detection. The `__attribute__((...))` pattern is
 * perl's possessive version, with `(?=(x+))\1` standing for the possessive `x++`.
 * Mirrors: scripts/kernel-doc: dump_function, v6.12.
 */
export const FUNCTION_REWRITES_AFTER_DEFINE: readonly Rewrite[] = [
  { pattern: '__attribute_const__ +', needle: '__attribute_const__ ', replace: '' },
  {
    pattern: String.raw`__attribute__\s*\(\((?:(?=([\w\s]+))\1(?:\((?=([^)]*))\2\))?(?=(\s*))\3,?)+\)\)\s+`,
    needle: '__attribute__',
    replace: '',
  },
];

const ARGS = String.raw`([^,)]+)`;

/**
 * Struct/union body rewrites of `dump_struct`: attributes stripped, `struct_group*()` unwrapped
 * (the final balanced-paren unwrap is code: `unwrapStructGroup`), declaration macros expanded.
 * Mirrors: scripts/kernel-doc: dump_struct, v6.12.
 */
export const STRUCT_MEMBER_REWRITES: readonly Rewrite[] = [
  { pattern: String.raw`\/\*\s*private:.*?\/\*\s*public:.*?\*\/`, needle: '/*', replace: '', flags: 'gsi' },
  { pattern: String.raw`\/\*\s*private:.*`, needle: '/*', replace: '', flags: 'gsi' },
  { pattern: String.raw`\/\*.*?\*\/`, needle: '/*', replace: '', flags: 'gs' },
  { pattern: String.raw`\s*` + ATTRIBUTE_SRC, replace: ' ', flags: 'gi' },
  { pattern: String.raw`\s*__aligned\s*\([^;]*\)`, needle: '__aligned', replace: ' ', flags: 'gs' },
  { pattern: String.raw`\s*__counted_by\s*\([^;]*\)`, needle: '__counted_by', replace: ' ', flags: 'gs' },
  { pattern: String.raw`\s*__counted_by_(le|be)\s*\([^;]*\)`, needle: '__counted_by_', replace: ' ', flags: 'gs' },
  { pattern: String.raw`\s*__packed\s*`, needle: '__packed', replace: ' ', flags: 'gs' },
  { pattern: String.raw`\s*CRYPTO_MINALIGN_ATTR`, needle: 'CRYPTO_MINALIGN_ATTR', replace: ' ', flags: 'gs' },
  { pattern: String.raw`\s*____cacheline_aligned_in_smp`, needle: '____cacheline_aligned_in_smp', replace: ' ', flags: 'gs' },
  { pattern: String.raw`\s*____cacheline_aligned`, needle: '____cacheline_aligned', replace: ' ', flags: 'gs' },
  { pattern: String.raw`\bstruct_group\s*\(([^,]*,)`, needle: 'struct_group', replace: 'STRUCT_GROUP(', flags: 'gs' },
  { pattern: String.raw`\bstruct_group_attr\s*\(([^,]*,){2}`, needle: 'struct_group_attr', replace: 'STRUCT_GROUP(', flags: 'gs' },
  { pattern: String.raw`\bstruct_group_tagged\s*\(([^,]*),([^,]*),`, needle: 'struct_group_tagged', replace: 'struct $1 $2; STRUCT_GROUP(', flags: 'gs' },
  { pattern: String.raw`\b__struct_group\s*\(([^,]*,){3}`, needle: '__struct_group', replace: 'STRUCT_GROUP(', flags: 'gs' },
  { pattern: '', replace: 'unwrapStructGroup', needle: 'STRUCT_GROUP' },
  {
    pattern: String.raw`__ETHTOOL_DECLARE_LINK_MODE_MASK\s*\(([^\)]+)\)`, needle: '__ETHTOOL_DECLARE_LINK_MODE_MASK',
    replace: 'DECLARE_BITMAP($1, __ETHTOOL_LINK_MODE_MASK_NBITS)',
    flags: 'gs',
  },
  { pattern: String.raw`DECLARE_PHY_INTERFACE_MASK\s*\(([^\)]+)\)`, needle: 'DECLARE_PHY_INTERFACE_MASK', replace: 'DECLARE_BITMAP($1, PHY_INTERFACE_MODE_MAX)', flags: 'gs' },
  { pattern: String.raw`DECLARE_BITMAP\s*\(${ARGS},\s*${ARGS}\)`, needle: 'DECLARE_BITMAP', replace: 'unsigned long $1[BITS_TO_LONGS($2)]', flags: 'gs' },
  { pattern: String.raw`DECLARE_HASHTABLE\s*\(${ARGS},\s*${ARGS}\)`, needle: 'DECLARE_HASHTABLE', replace: 'unsigned long $1[1 << (($2) - 1)]', flags: 'gs' },
  { pattern: String.raw`DECLARE_KFIFO\s*\(${ARGS},\s*${ARGS},\s*${ARGS}\)`, needle: 'DECLARE_KFIFO', replace: '$2 *$1', flags: 'gs' },
  { pattern: String.raw`DECLARE_KFIFO_PTR\s*\(${ARGS},\s*${ARGS}\)`, needle: 'DECLARE_KFIFO_PTR', replace: '$2 *$1', flags: 'gs' },
  { pattern: String.raw`(?:__)?DECLARE_FLEX_ARRAY\s*\(${ARGS},\s*${ARGS}\)`, needle: 'DECLARE_FLEX_ARRAY', replace: '$1 $2[]', flags: 'gs' },
  { pattern: String.raw`DEFINE_DMA_UNMAP_ADDR\s*\(${ARGS}\)`, needle: 'DEFINE_DMA_UNMAP_ADDR', replace: 'dma_addr_t $1', flags: 'gs' },
  { pattern: String.raw`DEFINE_DMA_UNMAP_LEN\s*\(${ARGS}\)`, needle: 'DEFINE_DMA_UNMAP_LEN', replace: '__u32 $1', flags: 'gs' },
];

/** A rewrite table compiled once. */
export type CompiledRewrites = ReadonlyArray<readonly [RegExp | null, string, string | undefined]>;

/** Compiles a table (a row with an empty pattern is a named code step). */
export function compile(table: readonly Rewrite[]): CompiledRewrites {
  return table.map((r) => [r.pattern ? pre(r.pattern, r.flags ?? '') : null, r.replace, r.needle] as const);
}

/** Applies a compiled table; `steps` provides the named code steps. */
export function applyRewrites(s: string, table: CompiledRewrites, steps: Record<string, (s: string) => string> = {}): string {
  for (const [re, rep, needle] of table) {
    if (needle !== undefined && !s.includes(needle)) continue;
    if (re) s = s.replace(re, rep);
    else s = steps[rep]!(s);
  }
  return s;
}

/**
 * Perl's `s/\bSTRUCT_GROUP(\(((?:(?>[^)(]+)|(?1))*)\))[^;]*;/$2/gos`: replaces each
 * `STRUCT_GROUP(balanced)...;` by the text inside the parentheses (one left-to-right pass).
 */
export function unwrapStructGroup(s: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const i = s.indexOf('STRUCT_GROUP', from);
    if (i < 0) break;
    if ((i > 0 && /\w/.test(s[i - 1]!)) || s[i + 12] !== '(') {
      out += s.slice(from, i + 12);
      from = i + 12;
      continue;
    }
    let depth = 0;
    let j = i + 12;
    for (; j < s.length; j++) {
      if (s[j] === '(') depth++;
      else if (s[j] === ')' && --depth === 0) break;
    }
    const semi = j < s.length ? s.indexOf(';', j) : -1;
    if (semi < 0) {
      out += s.slice(from, i + 12);
      from = i + 12;
      continue;
    }
    out += s.slice(from, i) + s.slice(i + 13, j);
    from = semi + 1;
  }
  return out + s.slice(from);
}
