/**
 * The interactive part of a sandbox (runs, output, timeline, step control, live diagrams, share
 * links), loaded on first interaction together with the editor, so a page that merely shows a
 * sandbox ships none of it. `index.tsx` renders the static stand-in until then.
 */
import React, { lazy, Suspense, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import BrowserOnly from '@docusaurus/BrowserOnly';
import { DEFAULT_SETTINGS, type RunSettings } from '../../../sandbox/runtime/protocol';
import { encodeShareLink, ShareLinkError } from '../../../sandbox/runtime/share-link';
import type { EditorApi } from './Editor';
import Inspector from './Inspector';
import Output from './Output';
import Header from './Header';
import StaticCode from './StaticCode';
import Timeline from './Timeline';
import Toolbar from './Toolbar';
import { runtimeClient } from './runtime';
import { useSandboxRun } from './useSandboxRun';
import { exampleOf, type SandboxProps } from './types';
import styles from './styles.module.css';

const LazyEditor = lazy(() => import(/* webpackChunkName: "sandbox-editor" */ './Editor'));

export default function Runner(props: SandboxProps): ReactNode {
  const { example, code: given, settings: givenSettings, runOnReady } = props;
  const ex = exampleOf(props);
  const original = given ?? ex?.code ?? '';
  const [code, setCode] = useState(original);
  const [settings, setSettings] = useState<RunSettings>(givenSettings ?? { ...DEFAULT_SETTINGS, ...(ex?.config ?? {}) });
  const [step, setStep] = useState<number | undefined>(undefined);
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const editor = useRef<EditorApi | undefined>(undefined);
  const pendingRun = useRef(Boolean(runOnReady));
  const { view, run, event, stop } = useSandboxRun();

  useEffect(() => {
    setCode(original);
    editor.current?.setCode(original);
    setStep(undefined);
  }, [original]);

  const doRun = useCallback(() => {
    setStep(undefined);
    if (!editor.current) {
      // The editor is still loading: run as soon as it is ready.
      pendingRun.current = true;
      return;
    }
    void run(editor.current.emit, settings);
  }, [run, settings]);

  const [ready, setReady] = useState(false);
  const onReady = useCallback(
    (api: EditorApi) => {
      editor.current = api;
      // Start the runtime worker and a first compile now, so Run answers at once.
      runtimeClient().warmUp();
      const warm = api.emit().catch(() => undefined);
      if (pendingRun.current) {
        pendingRun.current = false;
        void run(api.emit, settings);
      }
      void warm.then(() => setReady(true));
    },
    [run, settings],
  );

  // Time from Run to the first render showing the run's trace (read by the page benchmark).
  const [firstUpdateMs, setFirstUpdateMs] = useState<number | undefined>(undefined);
  useEffect(() => {
    if (view.status === 'compiling') setFirstUpdateMs(undefined);
    else if (firstUpdateMs === undefined && view.trace.length && view.startedAt !== undefined) setFirstUpdateMs(performance.now() - view.startedAt);
  }, [view, firstUpdateMs]);

  const share = useCallback(() => {
    try {
      const hash = encodeShareLink({ example, code, settings });
      const url = `${location.origin}/playground${hash}`;
      void navigator.clipboard?.writeText(url).catch(() => {});
      setNotice(`Link copied: ${url.length} characters.`);
      history.replaceState(null, '', location.pathname === '/playground' ? hash : location.hash);
    } catch (e) {
      setNotice(e instanceof ShareLinkError ? e.message : String(e));
    }
  }, [code, example, settings]);

  const busy = view.status === 'running' || view.status === 'compiling';
  const lines = code.split('\n').length;
  const stand = <StaticCode code={code} loading />;
  return (
    <section
      className={styles.sandbox}
      data-testid="sandbox"
      data-example={example}
      data-status={view.status}
      data-editor-ready={ready ? 'true' : undefined}
      data-first-update-ms={firstUpdateMs === undefined ? undefined : firstUpdateMs.toFixed(1)}
    >
      <Header example={ex} />
      <Toolbar
        busy={busy}
        settings={settings}
        onSettings={setSettings}
        onRun={doRun}
        onStop={stop}
        onReset={() => {
          setCode(original);
          editor.current?.setCode(original);
          setNotice('Back to the example’s original code.');
        }}
        onShare={share}
        onWarmUp={() => {}}
      />
      {notice ? (
        <p className={styles.notice} role="status">
          {notice}
        </p>
      ) : null}
      {/* The runner loads only once the reader opened the sandbox, so the editor comes at once. */}
      <BrowserOnly fallback={stand}>
        {() => (
          <Suspense fallback={stand}>
            <LazyEditor code={code} lines={lines} onChange={setCode} onReady={onReady} />
          </Suspense>
        )}
      </BrowserOnly>
      <Output view={view} onReveal={(l, c) => editor.current?.reveal(l, c)} />
      <details className={styles.more} open={view.trace.length > 0}>
        <summary>Timeline and lifecycle states ({view.trace.length} events)</summary>
        <Inspector
          trace={view.trace}
          step={step}
          onStep={setStep}
          selected={selected}
          onSelect={setSelected}
          busy={busy}
          onEvent={(o, ev) => void event(o.machine!, o.obj, ev)}
        />
        <Timeline trace={step === undefined ? view.trace : view.trace.slice(0, step)} step={step === undefined ? undefined : view.trace[step - 1]?.seq} />
      </details>
    </section>
  );
}
