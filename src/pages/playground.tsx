/**
 * The playground: every example program, one sandbox. `?example=<id>` opens an example (the
 * spec's "Try it" links use it); a `#code/...` share link restores shared code and settings
 * without running them.
 */
import React, { useEffect, useState, type ReactNode } from 'react';
import Layout from '@theme/Layout';
import Sandbox from '@site/src/components/Sandbox';
import { EXAMPLES } from '@site/src/components/Sandbox/examples';
import { decodeShareLink, ShareLinkError, type SharedSandbox } from '@site/sandbox/runtime/share-link';
import styles from './playground.module.css';

export default function Playground(): ReactNode {
  const [example, setExample] = useState(EXAMPLES[0]?.id);
  const [shared, setShared] = useState<SharedSandbox | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);

  useEffect(() => {
    const q = new URLSearchParams(location.search).get('example');
    if (q && EXAMPLES.some((e) => e.id === q)) setExample(q);
    try {
      const s = decodeShareLink(location.hash);
      if (s) {
        setShared(s);
        if (s.example && EXAMPLES.some((e) => e.id === s.example)) setExample(s.example);
      }
    } catch (e) {
      setProblem(e instanceof ShareLinkError ? e.message : String(e));
    }
  }, []);

  const pick = (id: string) => {
    setShared(undefined);
    setExample(id);
    history.replaceState(null, '', `?example=${id}`);
  };

  return (
    <Layout title="Playground" description="Run driver-like code against the dma-buf kernel model in your browser">
      <main className={styles.page}>
        <nav className={styles.list} aria-label="Examples">
          <h1 className={styles.title}>Playground</h1>
          <p className={styles.intro}>
            Programs written like driver code against an executable model of Linux 6.12's dma-buf, dma-fence and dma-resv. Pick one, edit it, run it.
          </p>
          <ul>
            {EXAMPLES.map((e) => (
              <li key={e.id}>
                <button type="button" className={e.id === example && !shared ? styles.active : styles.item} aria-current={e.id === example && !shared ? 'true' : undefined} onClick={() => pick(e.id)}>
                  {e.title}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <section className={styles.main}>
          {problem ? (
            <p className={styles.problem} role="alert" data-testid="share-problem">
              {problem}
            </p>
          ) : null}
          {shared ? (
            <p className={styles.sharedNote} role="status" data-testid="shared-note">
              Opened from a share link. The code has not run: press Run when you have read it.
            </p>
          ) : null}
          <Sandbox key={shared ? 'shared' : example} example={example} exampleData={EXAMPLES.find((e) => e.id === example)} code={shared?.code} settings={shared?.settings} autoOpen />
        </section>
      </main>
    </Layout>
  );
}
