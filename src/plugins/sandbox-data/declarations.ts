/**
 * Type declarations of the sandbox API for Monaco: every module reader code can import
 * (`linux/dma-buf`, `drivers/vram`, ...) becomes a `declare module '<name>' { ... }` block,
 * generated from the model's own sources with the TypeScript compiler, so completion and type
 * checking in the editor follow the model exactly. Internal modules the public ones refer to are
 * declared under `sandbox-internal/...` names.
 */
import path from 'node:path';
import ts from 'typescript';

export interface DeclarationBundle {
  /** `declare module` text per import specifier, plus the internal ones (key `sandbox-internal/...`). */
  modules: Record<string, string>;
}

/**
 * Compiles `sandbox/` declarations in memory and wraps each file as an ambient module.
 * `publicModules` maps import specifiers to files (`linux/dma-buf` → `sandbox/linux/dma-buf.ts`).
 */
export function buildDeclarations(root: string, publicModules: Record<string, string>): DeclarationBundle {
  const files = Object.values(publicModules).map((f) => path.resolve(root, f));
  const out = new Map<string, string>();
  const program = ts.createProgram(files, {
    declaration: true,
    emitDeclarationOnly: true,
    allowImportingTsExtensions: true,
    rewriteRelativeImportExtensions: false,
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    skipLibCheck: true,
    stripInternal: true,
    types: [],
    noEmit: false,
    outDir: '/decl',
    rootDir: path.resolve(root),
  });
  program.emit(undefined, (fileName, text) => {
    if (fileName.endsWith('.d.ts')) out.set(path.relative('/decl', fileName).replace(/\.d\.ts$/, ''), text);
  });
  const byFile = new Map(Object.entries(publicModules).map(([spec, f]) => [f.replace(/\.ts$/, ''), spec]));
  const specOf = (rel: string) => byFile.get(rel) ?? `sandbox-internal/${rel}`;
  const modules: Record<string, string> = {};
  for (const [rel, text] of out) {
    const spec = specOf(rel);
    const body = text
      .replace(/^\/\/# sourceMappingURL=.*$/m, '')
      .replace(/(from\s+|import\s*\(\s*|import\s+)(['"])(\.[^'"]+)\2/g, (_m, kw: string, q: string, target: string) => {
        const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(rel), target)).replace(/\.(ts|js)$/, '');
        return `${kw}${q}${specOf(resolved)}${q}`;
      });
    modules[spec] = `declare module '${spec}' {\n${body.replace(/^export declare /gm, 'export ').replace(/^declare /gm, '')}\n}\n`;
  }
  return { modules };
}
