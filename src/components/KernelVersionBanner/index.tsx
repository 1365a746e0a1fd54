import React, { type ReactNode } from 'react';

/** States which kernel release a generated page comes from, and from which file. */
export default function KernelVersionBanner({ release, source }: { release: string; source: string }): ReactNode {
  return (
    <p className="kd-banner">
      Generated from <strong>Linux {release}</strong> (<code>{source}</code> and the kernel-doc comments it names), with
      anchors matching docs.kernel.org: <code>#c.NAME</code> for identifiers, plus <code>#c.STRUCT.MEMBER</code> for members.
    </p>
  );
}
