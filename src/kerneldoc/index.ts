/**
 * Public API of the kernel-doc port: parse (text → `KdocFile`), inline markup (text → nodes),
 * and the outputs of the command line. Pure: no I/O.
 */
export type * from './types.js';
export { parseKernelDoc, type ParseOptions } from './parser.js';
export { parseInline, renderInline } from './inline.js';
export { renderBodyRst, perlRstInline } from './highlight-rst.js';
export { itemToRst, type RstOptions } from './output-rst.js';
export { renderKernelDoc, formatWarning, type OutputOptions, type OutputResult } from './output.js';
export { isSelected, isWarningShown, fileWarnings, functype, type SelectOptions } from './select.js';
export { scanExports } from './exports.js';
