/**
 * Docusaurus plugin: lets the bundler read the kernel model the way TypeScript does. The model in
 * `sandbox/` imports its own modules with `.js` specifiers (TypeScript's Node ESM style) while
 * the files are `.ts`; `extensionAlias` maps one to the other for the page and worker bundles.
 * `monaco-esm/` reaches monaco-editor's stylesheets, which its package exports leave out.
 */
import path from 'node:path';
import type { Plugin } from '@docusaurus/types';

export default function sandboxBundling(context: { siteDir: string }): Plugin {
  const monacoEsm = path.join(context.siteDir, 'node_modules', 'monaco-editor', 'esm', 'vs');
  return {
    name: 'sandbox-bundling',
    configureWebpack() {
      return {
        resolve: {
          extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
          alias: { 'monaco-esm': monacoEsm },
        },
      };
    },
  };
}
