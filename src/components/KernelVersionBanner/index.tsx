import React, { type ReactNode } from 'react';
import Link from '@docusaurus/Link';

/**
 * States which kernel release a generated page comes from and from which file, and links the
 * pages the document was split into.
 */
export default function KernelVersionBanner({ release, source, pages, current }: { release: string; source: string; pages?: { route: string; title: string }[]; current?: string }): ReactNode {
  return (
    <div className="kd-banner">
      <p>
        Generated from <strong>Linux {release}</strong> (<code>{source}</code> and the kernel-doc comments it names), with anchors matching docs.kernel.org:{' '}
        <code>#c.NAME</code> for identifiers, plus <code>#c.STRUCT.MEMBER</code> for members.
      </p>
      {pages && pages.length > 1 ? (
        <nav aria-label="Parts of this document">
          Parts:{' '}
          {pages.map((p, i) => (
            <React.Fragment key={p.route}>
              {i ? ' · ' : ''}
              {p.route === current ? <strong aria-current="page">{p.title}</strong> : <Link to={p.route}>{p.title}</Link>}
            </React.Fragment>
          ))}
        </nav>
      ) : null}
    </div>
  );
}
