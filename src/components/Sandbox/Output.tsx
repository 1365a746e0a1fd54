/**
 * The output panels of a sandbox: console, kernel log (dmesg) and errors. Error positions link
 * back to the editor line.
 */
import React, { useState, type ReactNode } from 'react';
import type { RunView } from './useSandboxRun';
import styles from './styles.module.css';

type Tab = 'console' | 'dmesg' | 'errors';

function statusText(v: RunView): string {
  switch (v.status) {
    case 'idle':
      return 'Not run yet.';
    case 'compiling':
      return 'Compiling…';
    case 'running':
      return 'Running…';
    case 'ok':
      return `Finished (${(v.done!.virtualNs / 1000).toFixed(0)} µs of virtual time).`;
    case 'oops':
      return 'The simulated kernel oopsed: the run ended there.';
    case 'error':
      return 'The program threw an error.';
    case 'killed':
      return v.done?.message ?? 'Stopped.';
  }
}

export default function Output({ view, onReveal }: { view: RunView; onReveal: (line: number, column?: number) => void }): ReactNode {
  const [tab, setTab] = useState<Tab>('console');
  const problem = view.compileError ?? (view.done && view.done.status !== 'ok' ? view.done.message : undefined);
  const counts: Record<Tab, number> = { console: view.console.length, dmesg: view.dmesg.length, errors: problem ? 1 : 0 };
  const warnings = view.dmesg.filter((l) => l.level <= 4).length;
  return (
    <div className={styles.output}>
      <div className={styles.status} role="status" aria-live="polite" data-status={view.status} data-testid="sandbox-status">
        {statusText(view)}
        {warnings ? <span className={styles.warnBadge}>{warnings} kernel warning{warnings === 1 ? '' : 's'}</span> : null}
      </div>
      <div role="tablist" className={styles.tabs} aria-label="Output">
        {(['console', 'dmesg', 'errors'] as Tab[]).map((t) => (
          <button key={t} role="tab" type="button" aria-selected={tab === t} className={tab === t ? styles.tabActive : styles.tab} onClick={() => setTab(t)}>
            {t === 'dmesg' ? 'kernel log' : t} ({counts[t]})
          </button>
        ))}
      </div>
      <div role="tabpanel" className={styles.panel} data-panel={tab}>
        {tab === 'console' &&
          (view.console.length ? (
            view.console.map((l, i) => (
              <div key={i} className={styles[`c_${l.level}`] ?? ''}>
                {l.text}
              </div>
            ))
          ) : (
            <span className={styles.empty}>No console output.</span>
          ))}
        {tab === 'dmesg' &&
          (view.dmesg.length ? (
            view.dmesg.map((l, i) => (
              <div key={i} className={l.level <= 4 ? styles.dmesgWarn : undefined}>
                {l.line}
              </div>
            ))
          ) : (
            <span className={styles.empty}>The kernel log is empty.</span>
          ))}
        {tab === 'errors' &&
          (problem ? (
            <div className={styles.error}>
              {view.done?.position ? (
                <button type="button" className={styles.linkButton} onClick={() => onReveal(view.done!.position!.line, view.done!.position!.column)}>
                  line {view.done.position.line}
                </button>
              ) : null}{' '}
              {problem}
            </div>
          ) : (
            <span className={styles.empty}>No errors.</span>
          ))}
      </div>
    </div>
  );
}
