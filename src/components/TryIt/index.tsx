import React, { type ReactNode } from 'react';
import Link from '@docusaurus/Link';

/** "Try it": opens the playground on an example program that calls this function. */
export default function TryIt({ name, example }: { name: string; example: string }): ReactNode {
  return (
    <p className="kd-tryit">
      <Link to={`/playground?example=${encodeURIComponent(example)}`} className="button button--sm button--outline button--primary">
        <span aria-hidden="true">▶ </span>Try it<span className="visually-hidden"> with {name}()</span>
      </Link>{' '}
      <span className="kd-tryit-note">runs a program calling {name}() on the kernel model</span>
    </p>
  );
}
