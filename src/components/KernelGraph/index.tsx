import React, { type ReactNode } from 'react';

/** A `kernel-render:: DOT` graph, laid out to SVG at build time (so it is in the static HTML). */
export default function KernelGraph({ svg, caption, alt, dot }: { svg: string; caption?: string; alt?: string; dot?: string }): ReactNode {
  return (
    <figure className="kd-graph">
      {svg ? (
        <div role="img" aria-label={alt ?? caption ?? 'graph'} dangerouslySetInnerHTML={{ __html: svg }} />
      ) : (
        <pre>{dot}</pre>
      )}
      {caption ? <figcaption>{caption}</figcaption> : null}
    </figure>
  );
}
