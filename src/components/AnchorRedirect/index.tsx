import { useEffect } from 'react';

/**
 * Keeps docs.kernel.org links working after the spec was split into pages: on the page that has
 * the document's old address (`/driver-api/dma-buf.html`), an anchor that now lives on another
 * page (`#c.dma_fence_signal`) sends the reader there, to the same anchor. Renders nothing.
 */
export default function AnchorRedirect({ targets }: { targets: Record<string, string[]> }): null {
  useEffect(() => {
    const where = new Map<string, string>();
    for (const [page, anchors] of Object.entries(targets)) for (const a of anchors) where.set(a, page);
    const follow = () => {
      const id = decodeURIComponent(location.hash.slice(1));
      if (!id || document.getElementById(id)) return;
      const page = where.get(id);
      if (page) location.replace(`${page}#${encodeURIComponent(id).replace(/%2E/g, '.')}`);
    };
    follow();
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [targets]);
  return null;
}
