import React, { type ReactNode } from 'react';
import Link from '@docusaurus/Link';
import useBrokenLinks from '@docusaurus/useBrokenLinks';

/** A cross-reference to a documented identifier, member or section; `code` renders it monospace. */
export function KRef({ to, code, children }: { to: string; code?: boolean; children: ReactNode }): ReactNode {
  return <Link to={to} className="kd-ref">{code ? <code>{children}</code> : children}</Link>;
}

/** An extra anchor (an rst label, a second id of a section), registered for the broken-anchor check. */
export function Anchor({ id }: { id: string }): ReactNode {
  useBrokenLinks().collectAnchor(id);
  return <span id={id} className="kd-anchor" />;
}
