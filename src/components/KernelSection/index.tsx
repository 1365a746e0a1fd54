import React, { type ReactNode } from 'react';

/** A named section of a kernel-doc comment: Description, Context, Return, Note, ... */
export default function KernelSection({ name, children }: { name: string; children: ReactNode }): ReactNode {
  return (
    <section className="kd-section" data-section={name}>
      <h5 className="kd-section-title">{name}</h5>
      {children}
    </section>
  );
}
