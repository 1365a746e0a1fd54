import { describe, expect, it } from 'vitest';
import { parseKernelDoc } from './parser.js';
import { renderKernelDoc } from './output.js';

const parse = (s: string) => parseKernelDoc(s, 't.c');

describe('parseKernelDoc state machine', () => {
  it('finds nothing outside /** comments', () => {
    const f = parse('int a;\n/* plain */\n/*** banner ***/\nint b;\n');
    expect(f.items).toEqual([]);
    expect(f.warnings).toEqual([]);
  });

  it('parses a function with params, sections and line numbers', () => {
    const f = parse('\n/**\n * f() - does f\n * @a: first\n *\n * Body.\n *\n * Return: zero\n */\nint f(int a);\n');
    const it0 = f.items[0]!;
    expect(it0).toMatchObject({ kind: 'function', name: 'f', line: 2, declLine: 10, purpose: 'does f', returnType: 'int' });
    expect(it0.prototype).toBe('int f (int a)');
    expect(it0.params).toMatchObject([{ name: 'a', type: 'int', declaration: 'int a', description: 'first', line: 4 }]);
    expect(it0.sections.map((s) => [s.name, s.body, s.line])).toEqual([
      ['Description', 'Body.', 6],
      ['Return', 'zero', 8],
    ]);
  });

  it('ignores a /** that a backslash continuation swallows', () => {
    const f = parse('#define X \\\n/**\n * f() - x\n */\nint f(void);\n');
    expect(f.items).toEqual([]);
  });

  it('counts lines across continuations and expands tabs', () => {
    const f = parse('#define A \\\n\t1\n/**\n * g() - x\n * @b:\tdesc\n */\nint g(int b);\n');
    expect(f.items[0]).toMatchObject({ name: 'g', line: 3 });
    expect(f.items[0]!.params[0]!.description).toBe('desc');
  });

  it('keeps [in]/[out] tags as written', () => {
    const f = parse('/**\n * h() - x\n * @p: [out] result\n */\nvoid h(int *p);\n');
    expect(f.items[0]!.params[0]).toMatchObject({ name: 'p', type: 'int *', description: '[out] result' });
  });

  it('ends a Context section at a blank line', () => {
    const f = parse('/**\n * k() - x\n * Context: any\n *\n * more\n */\nvoid k(void);\n');
    expect(f.items[0]!.sections.map((s) => s.name)).toEqual(['Context', 'Description']);
  });

  it('records gated and flagged warnings', () => {
    const f = parse('/**\n * m() - x\n */\nint m(int q);\n');
    const w = f.items[0]!.warnings;
    expect(w.find((x) => x.message.includes("'q' not described"))?.gate).toEqual({ type: 'int', name: 'm' });
    expect(w.find((x) => x.message.startsWith('No description found for return value'))?.flag).toBe('return');
    expect(renderKernelDoc([f], { format: 'none', mode: 'all' }).warnings.map((x) => x.message)).toEqual([
      "Function parameter or struct member 'q' not described in 'm'",
    ]);
  });

  it('detects exports', () => {
    const f = parse('EXPORT_SYMBOL(a);\n  EXPORT_SYMBOL_GPL( b );\nEXPORT_SYMBOL_NS_GPL(c, NS);\nxEXPORT_SYMBOL(d);\n');
    expect(f.exports).toEqual(['a', 'b', 'c']);
  });

  it('handles a file ending inside a comment', () => {
    expect(() => parse('/**\n * n() - x\n * @a: y')).not.toThrow();
  });
});
