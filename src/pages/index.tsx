import React, { type ReactNode } from 'react';
import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import styles from './index.module.css';

export default function Home(): ReactNode {
  return (
    <Layout title="dma-buf, runnable" description="The Linux dma-buf subsystem, documented from the kernel's own kernel-doc">
      <header className={styles.hero}>
        <h1>dma-buf, runnable</h1>
        <p>
          The Linux buffer-sharing and synchronisation API — dma-buf, dma-fence and dma-resv — as a versioned spec generated
          from the kernel's own comments, with permalinks that match docs.kernel.org.
        </p>
        <div className={styles.actions}>
          <Link className="button button--primary button--lg" to="/driver-api/dma-buf">
            Read the spec
          </Link>
          <Link className="button button--secondary button--lg" to="/intro">
            Start with the guide
          </Link>
        </div>
      </header>
      <main className={styles.cards}>
        <section>
          <h2>Exporters</h2>
          <p>
            Own the memory and implement <Link to="/driver-api/dma-buf#c.dma_buf_ops"><code>struct dma_buf_ops</code></Link>.
          </p>
        </section>
        <section>
          <h2>Importers</h2>
          <p>
            Attach, map, and — when dynamic — react to <Link to="/driver-api/dma-buf#c.dma_buf_move_notify"><code>dma_buf_move_notify()</code></Link>.
          </p>
        </section>
        <section>
          <h2>Fences</h2>
          <p>
            Signal completion once; <Link to="/driver-api/dma-buf/reservation-objects#c.dma_resv"><code>struct dma_resv</code></Link> tracks who reads and writes.
          </p>
        </section>
      </main>
    </Layout>
  );
}
