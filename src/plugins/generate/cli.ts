/**
 * `npm run generate`: fetches (or reuses) the kernel tree (`KERNEL_SRC` or Debian's package) and
 * writes every generated input of the site:
 * - the lifecycle diagram layouts (`src/components/Lifecycle/generated/`),
 * - the spec pages (`docs/driver-api/`), with "Try it" links and lifecycle diagrams on entries,
 * - the sandbox data: examples, editor declarations, hover docs (`src/components/Sandbox/generated/`).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureKernelTree, KernelSourceError } from '../kernel-source/fetch.ts';
import { generateLayouts } from '../lifecycle/generate.ts';
import { prepareSandboxData, writeSandboxData } from '../sandbox-data/generate.ts';
import { generate } from './generate.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

async function main(): Promise<void> {
  const tree = await ensureKernelTree({ version: process.env.KERNEL_VERSION });
  const machines = await generateLayouts();
  const sandbox = prepareSandboxData(root);
  const report = await generate({
    tree: tree.dir,
    release: tree.release,
    version: tree.version,
    outDir: path.join(root, 'docs', 'driver-api'),
    log: (l) => process.stderr.write(`${l}\n`),
    tryIt: sandbox.tryIt,
    // The struct a machine is named after shows that machine's diagram in its entry.
    lifecycles: Object.fromEntries(machines.map((m) => [m, m])),
  });
  writeSandboxData(path.join(root, 'src', 'components', 'Sandbox', 'generated'), sandbox, report.docs);
  process.stderr.write(
    `generated ${report.pages.join(', ')} from Linux ${tree.release} (${tree.source}): ${report.identifiers} identifiers, ` +
      `${report.members} members, ${report.kernelDocWarnings} kernel-doc warnings, ${report.rstMessages} docutils messages; ` +
      `${machines.length} lifecycle layouts; ${sandbox.examples.length} examples, ${Object.keys(sandbox.tryIt).length} "Try it" links; ` +
      `${report.seconds.toFixed(1)} s\n`,
  );
  for (const n of report.notes) process.stderr.write(`note: ${n}\n`);
}

main().catch((e: unknown) => {
  if (!(e instanceof KernelSourceError)) throw e;
  process.stderr.write(`generate: ${e.message}\n`);
  process.exit(2);
});
