import React, { type ReactNode } from 'react';

/** kernel-doc warnings for an entry (undocumented parameters and the like), shown on the page. */
export default function KernelWarnings({ warnings }: { warnings: string[] }): ReactNode {
  return (
    <details className="kd-warnings">
      <summary>kernel-doc -Wall: {warnings.length === 1 ? "1 warning" : `${warnings.length} warnings`} for this comment</summary>
      <ul>
        {warnings.map((w) => (
          <li key={w}>
            <code>{w}</code>
          </li>
        ))}
      </ul>
    </details>
  );
}
