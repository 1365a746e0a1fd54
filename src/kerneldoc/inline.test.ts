import { describe, expect, it } from 'vitest';
import { perlRstInline, renderBodyRst } from './highlight-rst.js';
import { parseInline, renderInline } from './inline.js';

const rst = (s: string) => renderInline(parseInline(s), perlRstInline);

describe('parseInline', () => {
  it('recognises each construct', () => {
    expect(parseInline('&struct dma_buf')).toEqual([{ type: 'typeref', kind: 'struct', name: 'dma_buf', raw: 'struct dma_buf' }]);
    expect(parseInline('&union u')).toEqual([{ type: 'typeref', kind: 'union', name: 'u', raw: 'union u' }]);
    expect(parseInline('&enum e')).toEqual([{ type: 'typeref', kind: 'enum', name: 'e', raw: 'enum e' }]);
    expect(parseInline('&typedef t')).toEqual([{ type: 'typeref', kind: 'typedef', name: 't', raw: 'typedef t' }]);
    expect(parseInline('&name')).toEqual([{ type: 'typeref', kind: 'any', name: 'name' }]);
    expect(parseInline('&ops->map')).toEqual([{ type: 'memberref', kind: 'any', name: 'ops', sep: '->', member: 'map' }]);
    expect(parseInline('&ops.map()')).toEqual([
      { type: 'memberref', kind: 'any', name: 'ops', sep: '.', member: 'map', call: true },
    ]);
    expect(parseInline('&struct s.m')[0]).toMatchObject({ type: 'memberref', kind: 'struct', name: 's', member: 'm' });
    expect(parseInline('f()')).toEqual([{ type: 'func', name: 'f' }]);
    expect(parseInline('@a.b')).toEqual([{ type: 'param', name: 'a.b' }]);
    expect(parseInline('@a->b')).toEqual([{ type: 'param', name: 'a->b' }]);
    expect(parseInline('@...')).toEqual([{ type: 'param', name: '...' }]);
    expect(parseInline('*@p')).toEqual([{ type: 'param', name: 'p', prefix: '*' }]);
    expect(parseInline('@cb()')).toEqual([{ type: 'param', name: 'cb', call: true }]);
    expect(parseInline('%EINVAL')).toEqual([{ type: 'const', name: 'EINVAL' }]);
    expect(parseInline('$HOME')).toEqual([{ type: 'envvar', name: 'HOME' }]);
    expect(parseInline('``x->y``')).toEqual([{ type: 'literal', value: 'x->y' }]);
  });

  it('keeps surrounding text verbatim', () => {
    expect(parseInline('see foo() and %BAR.')).toEqual([
      { type: 'text', value: 'see ' },
      { type: 'func', name: 'foo' },
      { type: 'text', value: ' and ' },
      { type: 'const', name: 'BAR' },
      { type: 'text', value: '.' },
    ]);
    expect(parseInline('')).toEqual([]);
  });

  it('follows perl precedence: member call before member before func', () => {
    expect(rst('&a->b()')).toBe(':c:type:`a->b\\(\\) <a>`');
    expect(rst('&a.b')).toBe(':c:type:`a.b <a>`');
    expect(rst('&foo()')).toBe(':c:type:`foo`()');
    expect(rst('@a.b()')).toBe('**a.b**()');
  });

  it('renders perl rst text', () => {
    expect(rst('&struct  dma_buf')).toBe(':c:type:`struct  dma_buf <dma_buf>`');
    expect(rst('&struct s.m')).toBe(':c:type:`struct s <s>`.m');
    expect(rst('%FOO and ``%BAR``')).toBe('``FOO`` and ````BAR````');
    expect(rst('``@p``')).toBe('``**p**``');
    expect(rst('user@example.com')).toBe('user**example.com**');
  });
});

describe('renderBodyRst', () => {
  it('leaves literal blocks alone and prefixes lines', () => {
    const body = 'Use @x like this::\n\n  f(@x);\n  &y\n\nthen @x.\n';
    expect(renderBodyRst(body, perlRstInline, '  ')).toBe(
      '  Use **x** like this::\n  \n    f(@x);\n    &y\n  \n  then **x**.\n',
    );
  });

  it('renders through the callback', () => {
    const md = renderBodyRst('call foo() now\n', (n) => (n.type === 'func' ? `<${n.name}>` : n.type === 'text' ? n.value : '?'));
    expect(md).toBe('call <foo> now\n');
  });
});
