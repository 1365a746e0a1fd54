/**
 * The kernel instance that model calls act on.
 *
 * Kernel functions in C take no "kernel" argument, so neither do the model's:
 * they act on the current instance, set by {@link boot} (or `Kernel.enter`).
 * @module
 */
import type { Kernel } from './kernel.js';

let cur: Kernel | undefined;

/** The current kernel instance. Throws if none has been booted. */
export function K(): Kernel {
  if (!cur) throw new Error('no kernel booted: call boot() first');
  return cur;
}

/** Make `k` the current kernel instance (or none). Returns the previous one. */
export function set_current_kernel(k: Kernel | undefined): Kernel | undefined {
  const prev = cur;
  cur = k;
  return prev;
}
