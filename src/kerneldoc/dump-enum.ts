/**
 * An `enum` declaration after its kernel-doc comment becomes an item whose params are the values.
 */
import { emitItem } from './item.js';
import { perlSplit, perlTrue, pre } from './perl-regex.js';
import { declArgs, type ParseState, UNDESCRIBED } from './state.js';

const privatePublic = pre(String.raw`\/\*\s*private:.*?\/\*\s*public:.*?\*\/`, 'gsi');
const privateToEnd = pre(String.raw`\/\*\s*private:.*}`, 'gsi');
const comments = pre(String.raw`/\*.*?\*/`, 'gs');
const cppLines = pre(String.raw`#\s*((define|ifdef|if)\s+|endif)[^;]*;`, 'gs');
const typedefEnum = pre(String.raw`typedef\s+enum\s*\{(.*)\}\s*(\w*)\s*;`);
const plainEnum = pre(String.raw`enum\s+(\w*)\s*\{(.*)\}`);
const trailing = pre(String.raw`\s+$`);
const parens = pre(String.raw`\([^;]*?[\)]`, 'g');
const firstWord = pre(String.raw`^\s*(\w+).*`);

/** Mirrors: scripts/kernel-doc: dump_enum, v6.12. */
export function dumpEnum(st: ParseState, x: string): void {
  x = x.replace(privatePublic, '').replace(privateToEnd, '}').replace(comments, '').replace(cppLines, '');
  let name = '';
  let members: string | undefined;
  let m: RegExpExecArray | null;
  if ((m = typedefEnum.exec(x))) {
    name = m[2]!;
    members = m[1];
  } else if ((m = plainEnum.exec(x))) {
    name = m[1]!;
    members = m[2];
  }
  if (!perlTrue(members)) {
    st.error('Cannot parse enum!');
    return;
  }
  if (st.identifier !== name) {
    if (st.identifier === '') st.warn('wrong kernel-doc identifier on line:\n');
    else st.warn(`expecting prototype for enum ${st.identifier}. Prototype was for enum ${name} instead\n`);
    return;
  }
  if (name === '') name = '(anonymous)';
  const seen = new Set<string>();
  const body = members!.replace(trailing, '').replace(parens, '');
  for (let arg of perlSplit(body, ',')) {
    arg = arg.replace(firstWord, '$1');
    st.parameterlist.push(arg);
    if (!perlTrue(st.parameterdescs.get(arg))) {
      st.parameterdescs.set(arg, UNDESCRIBED);
      st.warn(`Enum value '${arg}' not described in enum '${name}'\n`, { gate: { type: 'enum', name } });
    }
    seen.add(arg);
  }
  for (const k of st.parameterdescs.keys()) {
    if (!seen.has(k)) st.warn(`Excess enum value '${k}' description in '${name}'\n`, { gate: { type: 'enum', name } });
  }
  emitItem(st, declArgs('enum', name));
}
