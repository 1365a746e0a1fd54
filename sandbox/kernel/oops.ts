/**
 * The end of a simulated run: an oops.
 *
 * Thrown by BUG_ON(), KASAN use-after-free reports, refcount underflows and
 * deadlocks that would hang a real machine. The runtime catches it, shows the
 * report and stops the reader's program.
 * @module
 */

/** A kernel oops. `report` holds the log lines that describe it (also in dmesg). */
export class Oops extends Error {
  constructor(
    /** One-line summary, e.g. `kernel BUG at drivers/dma-buf/dma-buf.c:94!`. */
    readonly summary: string,
    /** The full report as printed to the kernel log. */
    readonly report: readonly string[],
  ) {
    super(summary);
    this.name = 'Oops';
  }
}

/** True when `e` is an {@link Oops} (also across module copies). */
export function isOops(e: unknown): e is Oops {
  return e instanceof Oops || (e instanceof Error && e.name === 'Oops');
}
