/**
 * `<Sandbox example="..."/>`: a runnable program on the page. The server renders the code
 * highlighted in the editor's place (and the toolbar), and nothing interactive ships with the
 * page: on the first interaction (focus, click, Run) the runner and Monaco load lazily, inside
 * BrowserOnly. Runs go to a worker with a time budget; output, the kernel log, a call timeline
 * and the objects' lifecycle states stream back while it runs.
 */
import React, { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import BrowserOnly from '@docusaurus/BrowserOnly';
import { DEFAULT_SETTINGS } from '../../../sandbox/runtime/protocol';
import Header from './Header';
import StaticCode from './StaticCode';
import Toolbar from './Toolbar';
import { exampleOf, type SandboxProps } from './types';
import styles from './styles.module.css';

const loadRunner = () => import(/* webpackChunkName: "sandbox-runner" */ './Runner');
const loadEditor = () => import(/* webpackChunkName: "sandbox-editor" */ './Editor');
const LazyRunner = lazy(loadRunner);

/** Starts loading the runner and the editor together, so opening costs one round of fetching. */
function preload(): void {
  void loadRunner();
  void loadEditor();
}

export type { SandboxProps };

export default function Sandbox(props: SandboxProps): ReactNode {
  const [active, setActiveState] = useState(Boolean(props.autoOpen));
  const setActive = (v: boolean) => {
    if (v) preload();
    setActiveState(v);
  };
  const [runRequested, setRunRequested] = useState(false);
  useEffect(() => {
    if (props.autoOpen) preload();
    // Only on mount: an auto-opened sandbox starts fetching everything at once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const ex = exampleOf(props);
  const code = props.code ?? ex?.code ?? '';
  const stand = (
    <section className={styles.sandbox} data-testid="sandbox" data-example={props.example} data-status="idle">
      <Header example={ex} />
      <Toolbar
        busy={false}
        settings={props.settings ?? { ...DEFAULT_SETTINGS, ...(ex?.config ?? {}) }}
        onSettings={() => setActive(true)}
        onRun={() => {
          setRunRequested(true);
          setActive(true);
        }}
        onStop={() => {}}
        onReset={() => setActive(true)}
        onShare={() => setActive(true)}
        onWarmUp={() => setActive(true)}
      />
      <StaticCode code={code} onActivate={() => setActive(true)} loading={active} />
      <div className={styles.output}>
        <div className={styles.status} role="status">
          Not run yet.
        </div>
      </div>
    </section>
  );
  if (!active) return stand;
  return (
    <BrowserOnly fallback={stand}>
      {() => (
        <Suspense fallback={stand}>
          <LazyRunner {...props} runOnReady={runRequested} />
        </Suspense>
      )}
    </BrowserOnly>
  );
}
