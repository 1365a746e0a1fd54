import { describe, expect, it } from 'vitest';
import { scanExports } from './exports.ts';

describe('scanExports', () => {
  it('finds plain, GPL and namespaced exports, bare-word (≤ 6.12) and string (≥ 6.13) namespaces', () => {
    const text = [
      'EXPORT_SYMBOL(a_fn);',
      'EXPORT_SYMBOL_GPL(b_fn);',
      'EXPORT_SYMBOL_NS_GPL(c_fn, DMA_BUF);',
      'EXPORT_SYMBOL_NS(d_fn, "DMA_BUF");',
      '  EXPORT_SYMBOL_NS_GPL(e_fn , "DMA_BUF" );',
      '/* EXPORT_SYMBOL(not_this) is text in a comment line that does not start the line */ x;',
      'EXPORT_SYMBOL(a_fn);',
    ].join('\n');
    expect(scanExports(text)).toEqual(['a_fn', 'b_fn', 'c_fn', 'd_fn', 'e_fn']);
  });
});
