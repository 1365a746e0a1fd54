/**
 * Configures Monaco's TypeScript service for sandbox programs: the same compiler options the
 * runtime's Node tests use, the sandbox API as `declare module 'linux/...'` declarations (generated
 * from the model at build time), and hovers that add each kernel identifier's kernel-doc summary
 * with a link to its `#c.NAME` spec entry.
 */
import { SANDBOX_COMPILER_OPTIONS } from '@site/sandbox/runtime/compiler-options';
import { monaco, typescript } from './editor-core';

export interface SandboxApiData {
  types: Record<string, string>;
  docs: Record<string, { kind: string; purpose: string; href: string }>;
}

let configured = false;

/**
 * Starts the TypeScript worker without waiting for an editor, so it boots while the editor is
 * being created (the service, not the editor, is what makes "ready" slow).
 */
export function startTypeScriptWorker(): void {
  void typescript.getTypeScriptWorker().then((get) => get()).catch(() => undefined);
}

export function configureTypeScript(data: SandboxApiData): void {
  if (configured) return;
  configured = true;
  const ts = typescript.typescriptDefaults;
  ts.setCompilerOptions({ ...(SANDBOX_COMPILER_OPTIONS as unknown as Parameters<typeof ts.setCompilerOptions>[0]) });
  ts.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false });
  ts.setEagerModelSync(true);
  // The sandbox's globals: only `console` (the worker captures it); no DOM, no Node.
  const globals = `declare const console: { log(...data: unknown[]): void; info(...data: unknown[]): void; warn(...data: unknown[]): void; error(...data: unknown[]): void; debug(...data: unknown[]): void };\n`;
  const lib = globals + Object.values(data.types).join('\n');
  ts.addExtraLib(lib, 'file:///node_modules/@types/dma-buf-sandbox/index.d.ts');
  monaco.languages.registerHoverProvider('typescript', {
    provideHover(model, position) {
      const word = model.getWordAtPosition(position);
      const doc = word ? data.docs[word.word] : undefined;
      if (!word || !doc) return null;
      return {
        range: new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn),
        // Monaco only renders links with an absolute http(s) URL.
        contents: [{ value: `**${word.word}** (${doc.kind}, kernel-doc): ${doc.purpose}\n\n[Open the spec entry](${location.origin}${doc.href})` }],
      };
    },
  });
}

/** JavaScript + source map for a model, emitted by Monaco's own TypeScript worker. */
export async function emitJavaScript(model: import('monaco-editor/editor/editor.api.js').editor.ITextModel): Promise<{ js: string; map?: string }> {
  const getWorker = await typescript.getTypeScriptWorker();
  const client = await getWorker(model.uri);
  const out = await client.getEmitOutput(model.uri.toString());
  const js = out.outputFiles.find((f) => f.name.endsWith('.js'));
  const map = out.outputFiles.find((f) => f.name.endsWith('.js.map'));
  if (!js) throw new Error('the TypeScript worker emitted no JavaScript');
  return { js: js.text.replace(/\/\/# sourceMappingURL=.*$/m, ''), map: map?.text };
}
