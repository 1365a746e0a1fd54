/**
 * The docutils doctree as `rst2json.py` prints it: elements `{t, a, c}` and text as strings.
 * Tag names are docutils' own (`paragraph`, `bullet_list`, `literal_block`, ...), plus the three
 * the bridge adds: `xref` (a Sphinx role), `kerneldoc` and `kernelrender` (kernel directives).
 */
export interface DocElement {
  t: string;
  a: DocAttrs;
  c: DocNode[];
}
export type DocNode = DocElement | string;

export interface DocAttrs {
  ids?: string[];
  names?: string[];
  classes?: string[];
  refuri?: string;
  refname?: string;
  refid?: string;
  role?: string;
  target?: string;
  explicit?: boolean;
  file?: string;
  options?: string;
  lang?: string;
  source?: string;
  caption?: string;
  alt?: string;
  enumtype?: string;
  start?: number;
  morecols?: number;
  morerows?: number;
  line?: number;
  [k: string]: unknown;
}

/** A docutils report (level 2 warning, 3 error, 4 severe) kept for the build log. */
export interface DocMessage {
  level: number;
  line: number | null;
  text: string;
}

export interface RstResult {
  id: string;
  tree: DocElement;
  messages: DocMessage[];
}

/** Concatenated text of a subtree. */
export function textOf(node: DocNode): string {
  return typeof node === 'string' ? node : node.c.map(textOf).join('');
}

export const isElement = (n: DocNode): n is DocElement => typeof n !== 'string';
