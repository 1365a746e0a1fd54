/**
 * The selftest harness of `drivers/dma-buf/selftest.c` (v6.12), reduced: a
 * subtest is a function returning 0 or a negative errno; a group runs its
 * subtests in order and stops at the first failure.
 * @module
 */
import { K } from '../kernel/current.js';

/** `struct subtest`. */
export interface subtest {
  /** Kernel test name. */
  name: string;
  /** The test; returns 0 on success. */
  func: (data: unknown) => number;
  /** Argument passed to the test. */
  data?: unknown;
}

/** `SUBTEST(fn)`. */
export function SUBTEST(func: (data: unknown) => number, name = func.name): subtest {
  return { name, func };
}

/** Run `tests` in order; returns the first non-zero result (0 if all pass). Mirrors `drivers/dma-buf/selftest.c: __subtests, v6.12`. */
export function subtests(caller: string, tests: subtest[], data?: unknown): number {
  for (const t of tests) {
    K().printk(6, `dma-buf: Running ${caller}/${t.name}`);
    const err = t.func(data ?? t.data);
    if (err) {
      K().printk(3, `dma-buf/selftest: ${t.name} failed with error ${err}`);
      return err;
    }
  }
  return 0;
}
