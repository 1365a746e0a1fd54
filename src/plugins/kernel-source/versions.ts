/**
 * Kernel versions the site can be built from, and where Debian ships each one.
 *
 * One row per version: the Debian suite whose `linux-source-<ver>` package carries the tree, and
 * where that tree keeps its own kernel-doc tool (the oracle for our parser). Adding a version is
 * adding a row.
 */
export interface KernelVersionInfo {
  /** Version as `major.minor`, e.g. `6.12`. */
  version: string;
  /** Debian suite whose main archive carries `linux-source-<version>`. */
  suite: string;
  /** Debian binary package holding `/usr/src/linux-source-<version>.tar.xz`. */
  package: string;
  /** Path of the kernel's own kernel-doc inside the tree, and how to run it. */
  kernelDoc: { path: string; interpreter: 'perl' | 'python3' };
  /** Extra paths (besides the common subset) this version needs, e.g. the Python kdoc library. */
  extraPaths: string[];
}

export const KERNEL_VERSIONS: readonly KernelVersionInfo[] = [
  {
    version: '6.1',
    suite: 'bookworm',
    package: 'linux-source-6.1',
    kernelDoc: { path: 'scripts/kernel-doc', interpreter: 'perl' },
    extraPaths: [],
  },
  {
    version: '6.12',
    suite: 'trixie',
    package: 'linux-source-6.12',
    kernelDoc: { path: 'scripts/kernel-doc', interpreter: 'perl' },
    extraPaths: [],
  },
  {
    version: '7.2',
    suite: 'sid',
    package: 'linux-source-7.2',
    kernelDoc: { path: 'tools/docs/kernel-doc', interpreter: 'python3' },
    extraPaths: ['tools/docs', 'tools/lib/python'],
  },
];

/** The version this build ships. */
export const DEFAULT_KERNEL_VERSION = '6.12';

/** What the site needs from a tree (relative paths; directories end with `/`). */
export const SITE_SUBSET: readonly string[] = [
  'Makefile',
  'drivers/dma-buf/',
  'include/linux/',
  'include/uapi/linux/',
  'Documentation/driver-api/dma-buf.rst',
  'Documentation/doc-guide/kernel-doc.rst',
];

/** Looks a version up in {@link KERNEL_VERSIONS}; throws with the list of known versions. */
export function kernelVersion(version: string): KernelVersionInfo {
  const row = KERNEL_VERSIONS.find((v) => v.version === version);
  if (!row) {
    const known = KERNEL_VERSIONS.map((v) => v.version).join(', ');
    throw new Error(`unknown kernel version ${version} (known: ${known})`);
  }
  return row;
}

/** The relative paths to extract for a version: the site subset, its kernel-doc tool and extras. */
export function subsetPaths(info: KernelVersionInfo): string[] {
  return [...SITE_SUBSET, info.kernelDoc.path, ...info.extraPaths.map((p) => (p.endsWith('/') ? p : `${p}/`))];
}
