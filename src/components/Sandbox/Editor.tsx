/**
 * The Monaco editor of a sandbox. This module (and Monaco with it) is loaded only when the reader
 * opens or focuses a sandbox: `index.tsx` imports it lazily, inside BrowserOnly.
 */
import React, { useEffect, useRef, type ReactNode } from 'react';
import { useColorMode } from '@docusaurus/theme-common';
import { monaco } from './monaco/editor-core';
import { installMonacoEnvironment } from './monaco/environment';
import { configureTypeScript, emitJavaScript, startTypeScriptWorker } from './monaco/language';
import api from './generated/api.json';
import types from './generated/types.json';
import { editorHeightPx } from './StaticCode';
import styles from './styles.module.css';

export interface EditorApi {
  /** Compiles the current code with Monaco's TypeScript worker. */
  emit(): Promise<{ js: string; map?: string }>;
  /** Replaces the code (Reset, share links). */
  setCode(code: string): void;
  /** Moves the cursor to a line and shows it (error positions). */
  reveal(line: number, column?: number): void;
  focus(): void;
}

let modelSeq = 0;

// Loading this module means an editor is about to open: configure the service and boot its worker now.
if (typeof window !== 'undefined') {
  installMonacoEnvironment();
  configureTypeScript({ types: types as Record<string, string>, docs: (api as { docs: Record<string, { kind: string; purpose: string; href: string }> }).docs });
  startTypeScriptWorker();
}

export default function Editor({ code, lines, onChange, onReady }: { code: string; lines: number; onChange: (code: string) => void; onReady: (api: EditorApi) => void }): ReactNode {
  const host = useRef<HTMLDivElement>(null);
  const { colorMode } = useColorMode();
  const changeRef = useRef(onChange);
  changeRef.current = onChange;

  useEffect(() => {
    const model = monaco.editor.createModel(code, 'typescript', monaco.Uri.parse(`file:///sandbox/program-${++modelSeq}.ts`));
    const editor = monaco.editor.create(host.current!, {
      model,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 13,
      lineHeight: 19,
      tabSize: 2,
      padding: { top: 8, bottom: 8 },
      renderLineHighlight: 'line',
      fixedOverflowWidgets: true,
      ariaLabel: 'Sandbox program (TypeScript)',
    });
    const sub = model.onDidChangeContent(() => changeRef.current(model.getValue()));
    onReady({
      emit: () => emitJavaScript(model),
      setCode: (c) => model.setValue(c),
      reveal: (line, column = 1) => {
        editor.revealLineInCenter(line);
        editor.setPosition({ lineNumber: line, column });
        editor.focus();
      },
      focus: () => editor.focus(),
    });
    editor.focus();
    return () => {
      sub.dispose();
      editor.dispose();
      model.dispose();
    };
    // The editor is created once per mount; later code changes come from the editor itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    monaco.editor.setTheme(colorMode === 'dark' ? 'vs-dark' : 'vs');
  }, [colorMode]);

  return <div ref={host} className={styles.editor} style={{ height: `${editorHeightPx(lines)}px` }} data-testid="sandbox-editor" />;
}
