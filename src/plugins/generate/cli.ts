/**
 * `npm run generate`: fetches (or reuses) the kernel tree (`KERNEL_SRC` or Debian's package) and
 * writes the generated spec pages into `docs/driver-api/`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureKernelTree, KernelSourceError } from '../kernel-source/fetch.ts';
import { generate } from './generate.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

async function main(): Promise<void> {
  const tree = await ensureKernelTree({ version: process.env.KERNEL_VERSION });
  const report = await generate({
    tree: tree.dir,
    release: tree.release,
    version: tree.version,
    outDir: path.join(root, 'docs', 'driver-api'),
    log: (l) => process.stderr.write(`${l}\n`),
  });
  process.stderr.write(
    `generated ${report.pages.join(', ')} from Linux ${tree.release} (${tree.source}): ${report.identifiers} identifiers, ` +
      `${report.members} members, ${report.kernelDocWarnings} kernel-doc warnings, ${report.rstMessages} docutils messages, ` +
      `${report.seconds.toFixed(1)} s\n`,
  );
  for (const n of report.notes) process.stderr.write(`note: ${n}\n`);
}

main().catch((e: unknown) => {
  if (!(e instanceof KernelSourceError)) throw e;
  process.stderr.write(`generate: ${e.message}\n`);
  process.exit(2);
});
