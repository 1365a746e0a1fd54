/**
 * Port of `drivers/dma-buf/st-dma-fence-unwrap.c` (v6.12), kernel test names kept.
 * @module
 */
import { pr_err } from '../kernel/bug.js';
import { EINVAL } from '../kernel/errno.js';
import {
  dma_fence, dma_fence_init, dma_fence_put, dma_fence_enable_sw_signaling, dma_fence_context_alloc, dma_fence_get_stub,
  type dma_fence_ops,
} from '../linux/dma-fence.js';
import { dma_fence_array_create } from '../linux/dma-fence-array.js';
import { dma_fence_chain_alloc, dma_fence_chain_init } from '../linux/dma-fence-chain.js';
import { dma_fence_unwrap, dma_fence_unwrap_for_each, dma_fence_unwrap_merge } from '../linux/dma-fence-unwrap.js';
import { mock_fence_obj, subtests, SUBTEST } from './selftest.js';


const mock_ops: dma_fence_ops = { get_driver_name: () => 'mock', get_timeline_name: () => 'mock' };

function mock_fence(): dma_fence {
  const f = new mock_fence_obj();
  dma_fence_init(f, mock_ops, f.mock_lock, dma_fence_context_alloc(1), 1);
  return f;
}

/** The members' references move into the array. */
function mock_array(...fences: dma_fence[]): dma_fence {
  return dma_fence_array_create(fences.length, fences, dma_fence_context_alloc(1), 1, false)!;
}

/** `prev` and `fence` references move into the node. */
function mock_chain(prev: dma_fence | null, fence: dma_fence): dma_fence {
  const f = dma_fence_chain_alloc();
  dma_fence_chain_init(f, prev, fence, 1);
  return f;
}

function sanitycheck(): number {
  const f = mock_fence();
  dma_fence_enable_sw_signaling(f);
  const array = mock_array(f);
  const chain = mock_chain(null, array);
  dma_fence_put(chain);
  return 0;
}

/** Walk `head` and check that exactly `f1` and `f2` come out; `seen` runs on each match. */
function expect_two(head: dma_fence, f1: dma_fence | null, f2: dma_fence | null, seen?: (f: dma_fence) => void): number {
  const iter = new dma_fence_unwrap();
  let err = 0;
  for (const fence of dma_fence_unwrap_for_each(iter, head)) {
    if (fence === f1) {
      seen?.(f1);
      f1 = null;
    } else if (fence === f2) {
      seen?.(f2);
      f2 = null;
    } else {
      pr_err('Unexpected fence!');
      err = -EINVAL;
    }
  }
  if (f1 || f2) {
    pr_err('Not all fences seen!');
    err = -EINVAL;
  }
  return err;
}

function two_fences(): [dma_fence, dma_fence] {
  const f1 = mock_fence();
  dma_fence_enable_sw_signaling(f1);
  const f2 = mock_fence();
  dma_fence_enable_sw_signaling(f2);
  return [f1, f2];
}

function unwrap_array(): number {
  const [f1, f2] = two_fences();
  const array = mock_array(f1, f2);
  const err = expect_two(array, f1, f2);
  dma_fence_put(array);
  return err;
}

function unwrap_chain(): number {
  const [f1, f2] = two_fences();
  const chain = mock_chain(f1, f2);
  const err = expect_two(chain, f1, f2);
  dma_fence_put(chain);
  return err;
}

function unwrap_chain_array(): number {
  const [f1, f2] = two_fences();
  const array = mock_array(f1, f2);
  const chain = mock_chain(null, array);
  const err = expect_two(chain, f1, f2);
  dma_fence_put(chain);
  return err;
}

function unwrap_merge(): number {
  let [f1, f2] = two_fences() as (dma_fence | null)[];
  const f3 = dma_fence_unwrap_merge(f1, f2)!;
  // the test drops its own reference to each fence as it finds it
  const err = expect_two(f3, f1, f2, (f) => {
    dma_fence_put(f);
    if (f === f1) f1 = null;
    else f2 = null;
  });
  dma_fence_put(f3);
  dma_fence_put(f2);
  dma_fence_put(f1);
  return err;
}

function unwrap_merge_complex(): number {
  let [f1, f2] = two_fences() as (dma_fence | null)[];
  const f3 = dma_fence_unwrap_merge(f1, f2)!;
  // the resulting array has the fences in reverse
  const f4 = dma_fence_unwrap_merge(f2, f1)!;
  // signaled fences should be filtered, the two arrays merged
  const f5 = dma_fence_unwrap_merge(f3, f4, dma_fence_get_stub())!;
  const err = expect_two(f5, f1, f2, (f) => {
    dma_fence_put(f);
    if (f === f1) f1 = null;
    else f2 = null;
  });
  dma_fence_put(f5);
  dma_fence_put(f4);
  dma_fence_put(f3);
  dma_fence_put(f2);
  dma_fence_put(f1);
  return err;
}

/** The st-dma-fence-unwrap subtests in kernel order. */
export const dma_fence_unwrap_subtests = [
  SUBTEST(sanitycheck, 'sanitycheck'),
  SUBTEST(unwrap_array, 'unwrap_array'),
  SUBTEST(unwrap_chain, 'unwrap_chain'),
  SUBTEST(unwrap_chain_array, 'unwrap_chain_array'),
  SUBTEST(unwrap_merge, 'unwrap_merge'),
  SUBTEST(unwrap_merge_complex, 'unwrap_merge_complex'),
];

/** Run the group. Mirrors `drivers/dma-buf/st-dma-fence-unwrap.c: dma_fence_unwrap, v6.12`. */
export function dma_fence_unwrap_selftest(): number {
  return subtests('dma_fence_unwrap', dma_fence_unwrap_subtests);
}
