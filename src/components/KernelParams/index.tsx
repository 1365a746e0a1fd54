import React, { type ReactNode } from 'react';
import useBrokenLinks from '@docusaurus/useBrokenLinks';
import styles from './styles.module.css';

/** The Parameters / Members / Constants list of an entry. */
export function KernelParams({ title, children }: { title: string; children: ReactNode }): ReactNode {
  return (
    <section className={styles.params}>
      <h5 className={styles.title}>{title}</h5>
      <dl className={styles.list}>{children}</dl>
    </section>
  );
}

/**
 * One parameter, member or enumerator. Members carry `id="c.STRUCT.MEMBER"`, enumerators
 * `id="c.ENUMERATOR"`; both are registered for the broken-anchor check.
 */
export function KernelParam({ name, label, id, undocumented, children }: { name: string; label: string; id?: string; undocumented?: boolean; children?: ReactNode }): ReactNode {
  const links = useBrokenLinks();
  if (id) links.collectAnchor(id);
  return (
    <>
      <dt id={id} className={styles.name} data-name={name}>
        <code>{label}</code>
        {id ? (
          <a className={styles.permalink} href={`#${id}`} aria-label={`Permalink to ${name}`}>
            #
          </a>
        ) : null}
      </dt>
      <dd className={styles.body}>{undocumented ? <em className={styles.missing}>undocumented</em> : children}</dd>
    </>
  );
}
