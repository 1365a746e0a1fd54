/**
 * Monaco's workers, bundled with the site and started as same-origin module workers (never from
 * a CDN): the editor worker and the TypeScript language-service worker. Must run before the
 * first editor is created.
 */
type MonacoEnv = { getWorker(workerId: string, label: string): Worker };

export function installMonacoEnvironment(): void {
  const g = globalThis as unknown as { MonacoEnvironment?: MonacoEnv };
  if (g.MonacoEnvironment) return;
  g.MonacoEnvironment = {
    getWorker(_id: string, label: string): Worker {
      if (label === 'typescript' || label === 'javascript') {
        return new Worker(new URL('monaco-editor/languages/features/typescript/ts.worker.js', import.meta.url), { type: 'module', name: 'ts' });
      }
      return new Worker(new URL('monaco-editor/editor/editor.worker.js', import.meta.url), { type: 'module', name: 'editor' });
    },
  };
}
