/**
 * vitest globalSetup: makes sure the kernel tree the tests compare against is present (fetching it
 * on a fresh machine) and hands its path to the test workers as `DMABUF_KERNEL_TREE`.
 */
import { ensureKernelTree } from './fetch.ts';

export default async function setup(): Promise<void> {
  if (process.env.DMABUF_KERNEL_TREE) return;
  const tree = await ensureKernelTree();
  process.env.DMABUF_KERNEL_TREE = tree.dir;
  process.env.DMABUF_KERNEL_RELEASE = tree.release;
}
