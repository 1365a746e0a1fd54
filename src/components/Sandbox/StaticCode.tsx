/**
 * The server-rendered stand-in for the editor: the same code, highlighted, in a box of the same
 * size, so nothing jumps when Monaco takes its place. Focusing or clicking it opens the editor.
 */
import React, { type ReactNode } from 'react';
import { Highlight } from 'prism-react-renderer';
import { usePrismTheme } from '@docusaurus/theme-common';
import styles from './styles.module.css';

/** Height of the editor (and of this stand-in) for a program of `lines` lines, in pixels. */
export function editorHeightPx(lines: number): number {
  return Math.min(Math.max(lines, 8), 40) * 19 + 16;
}

export default function StaticCode({ code, onActivate, loading }: { code: string; onActivate?: () => void; loading?: boolean }): ReactNode {
  const theme = usePrismTheme();
  const lines = code.split('\n').length;
  return (
    <div
      className={styles.static}
      style={{ height: `${editorHeightPx(lines)}px` }}
      tabIndex={0}
      role="button"
      aria-label="Program code. Press Enter to edit it in the editor."
      data-testid="sandbox-static"
      onClick={onActivate}
      onFocus={onActivate}
      onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && onActivate?.()}
    >
      <Highlight code={code.replace(/\n$/, '')} language="typescript" theme={theme}>
        {({ className, style, tokens, getLineProps, getTokenProps }) => (
          <pre className={`${className} ${styles.staticPre}`} style={{ ...style, background: 'transparent' }}>
            {tokens.map((line, i) => (
              <div key={i} {...getLineProps({ line })}>
                <span className={styles.lineNo}>{i + 1}</span>
                {line.map((token, j) => (
                  <span key={j} {...getTokenProps({ token })} />
                ))}
              </div>
            ))}
          </pre>
        )}
      </Highlight>
      {loading ? <div className={styles.loading}>Loading the editor…</div> : null}
    </div>
  );
}
