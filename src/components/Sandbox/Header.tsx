import React, { type ReactNode } from 'react';
import type { ExampleData } from './examples';
import styles from './styles.module.css';

/** The title and summary of the example a sandbox shows. */
export default function Header({ example }: { example?: ExampleData }): ReactNode {
  if (!example) return null;
  return (
    <header className={styles.header}>
      <strong>{example.title}</strong>
      {example.summary ? <span className={styles.summary}> — {example.summary}</span> : null}
    </header>
  );
}
