/**
 * The selftest harness of `drivers/dma-buf/selftest.c` (v6.12), reduced: a
 * subtest is a function returning 0 or a negative errno; a group runs its
 * subtests in order and stops at the first failure.
 * @module
 */
import { K } from '../kernel/current.js';
import { spinlock_t } from '../kernel/spinlock.js';
import { dma_fence } from '../linux/dma-fence.js';

/**
 * `struct mock_fence { struct dma_fence base; spinlock_t lock; }`, which
 * st-dma-fence.c, st-dma-fence-chain.c and st-dma-fence-unwrap.c each define
 * identically (st-dma-resv.c's fences are plain dma_fences on one static lock;
 * its port gives each fence its own, in this same struct). One class for all
 * the ports keeps the fence functions seeing few object shapes, which keeps
 * the long chain tests fast.
 */
export class mock_fence_obj extends dma_fence {
  /** The embedded lock, passed to dma_fence_init(). */
  readonly mock_lock = new spinlock_t('&f->lock');
}

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
