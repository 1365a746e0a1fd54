/**
 * The TypeScript compiler options reader programs are compiled with, shared by the page (Monaco's
 * TypeScript worker emits the JavaScript that runs) and the Node tests (`transpileModule`), so
 * both run the same JavaScript. Numeric enum values keep this file free of any TypeScript import.
 */
export const SANDBOX_COMPILER_OPTIONS = Object.freeze({
  /** ScriptTarget.ES2020 */
  target: 7,
  /** ModuleKind.CommonJS: `require` is the sandbox's only way out. */
  module: 1,
  /** ModuleResolutionKind.NodeJs */
  moduleResolution: 2,
  strict: true,
  noImplicitAny: false,
  sourceMap: true,
  inlineSources: false,
  esModuleInterop: false,
  isolatedModules: true,
  allowNonTsExtensions: true,
  lib: ['es2020'],
});
