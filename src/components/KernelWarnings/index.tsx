import React, { type ReactNode } from 'react';

/** kernel-doc warnings for an entry (undocumented parameters and the like), shown on the page. */
export default function KernelWarnings({ warnings }: { warnings: string[] }): ReactNode {
  return (
    <details className="kd-warnings">
      <summary>kernel-doc reports {warnings.length === 1 ? 'a problem' : `${warnings.length} problems`} in this comment</summary>
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
