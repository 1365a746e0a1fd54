/**
 * `npm run kernel-source [-- --version 6.12] [--full]`: fetch (or reuse) a kernel tree and print
 * its path. `KERNEL_SRC=/path/to/linux` short-circuits to that tree.
 */
import { ensureKernelTree, KernelSourceError } from './fetch.ts';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const value = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
ensureKernelTree({ version: value('--version'), full: flag('--full') }).then(
  (tree) => process.stdout.write(`${tree.dir}\n`),
  (e: unknown) => {
    if (!(e instanceof KernelSourceError)) throw e;
    process.stderr.write(`kernel-source: ${e.message}\n`);
    process.exit(2);
  },
);
