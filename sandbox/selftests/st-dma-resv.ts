/**
 * Port of `drivers/dma-buf/st-dma-resv.c` (v6.12), kernel test names kept.
 * Each usage test runs for KERNEL, WRITE, READ and BOOKKEEP.
 * @module
 */
import { pr_err } from '../kernel/bug.js';
import { EINVAL, ENOENT } from '../kernel/errno.js';
import {
  dma_fence, dma_fence_init, dma_fence_context_alloc, dma_fence_signal, dma_fence_put, dma_fence_enable_sw_signaling,
  type dma_fence_ops,
} from '../linux/dma-fence.js';
import {
  dma_resv, dma_resv_init, dma_resv_fini, dma_resv_lock, dma_resv_unlock, dma_resv_reserve_fences, dma_resv_add_fence,
  dma_resv_test_signaled, dma_resv_iter, dma_resv_for_each_fence, dma_resv_iter_usage, dma_resv_iter_begin,
  dma_resv_iter_end, dma_resv_for_each_fence_unlocked, dma_resv_iter_is_restarted, dma_resv_get_fences, dma_resv_list,
  DMA_RESV_USAGE_KERNEL, DMA_RESV_USAGE_WRITE, DMA_RESV_USAGE_READ, DMA_RESV_USAGE_BOOKKEEP, type dma_resv_usage,
} from '../linux/dma-resv.js';
import { mock_fence_obj, subtests, SUBTEST, type subtest } from './selftest.js';

const fence_ops: dma_fence_ops = { get_driver_name: () => 'selftest', get_timeline_name: () => 'selftest' };


function alloc_fence(): dma_fence {
  const f = new mock_fence_obj();
  dma_fence_init(f, fence_ops, f.mock_lock, dma_fence_context_alloc(1), 1);
  return f;
}

function sanitycheck(): number {
  const f = alloc_fence();
  dma_fence_enable_sw_signaling(f);
  dma_fence_signal(f);
  dma_fence_put(f);
  const resv = new dma_resv();
  dma_resv_init(resv);
  const r = dma_resv_lock(resv, null);
  if (r) pr_err('Resv locking failed');
  else dma_resv_unlock(resv);
  dma_resv_fini(resv);
  return r;
}

function setup(usage: dma_resv_usage): { f: dma_fence; resv: dma_resv; r: number } {
  const f = alloc_fence();
  dma_fence_enable_sw_signaling(f);
  const resv = new dma_resv();
  dma_resv_init(resv);
  let r = dma_resv_lock(resv, null);
  if (r) {
    pr_err('Resv locking failed');
    return { f, resv, r };
  }
  r = dma_resv_reserve_fences(resv, 1);
  if (r) pr_err('Resv shared slot allocation failed');
  else dma_resv_add_fence(resv, f, usage);
  return { f, resv, r };
}

function test_signaling(arg: unknown): number {
  const usage = arg as dma_resv_usage;
  let { f, resv, r } = setup(usage);
  if (!r) {
    if (dma_resv_test_signaled(resv, usage)) {
      pr_err('Resv unexpectedly signaled');
      r = -EINVAL;
    } else {
      dma_fence_signal(f);
      if (!dma_resv_test_signaled(resv, usage)) {
        pr_err('Resv not reporting signaled');
        r = -EINVAL;
      }
    }
  }
  dma_resv_unlock(resv);
  dma_resv_fini(resv);
  dma_fence_put(f);
  return r;
}

function test_for_each(arg: unknown): number {
  const usage = arg as dma_resv_usage;
  let { f, resv, r } = setup(usage);
  if (!r) {
    r = -ENOENT;
    const cursor = new dma_resv_iter();
    for (const fence of dma_resv_for_each_fence(cursor, resv, usage)) {
      if (!r) {
        pr_err('More than one fence found');
        r = -EINVAL;
        break;
      }
      if (f !== fence) {
        pr_err('Unexpected fence');
        r = -EINVAL;
        break;
      }
      if (dma_resv_iter_usage(cursor) !== usage) {
        pr_err('Unexpected fence usage');
        r = -EINVAL;
        break;
      }
      r = 0;
    }
    if (r) pr_err('No fence found');
  }
  dma_fence_signal(f);
  dma_resv_unlock(resv);
  dma_resv_fini(resv);
  dma_fence_put(f);
  return r;
}

function test_for_each_unlocked(arg: unknown): number {
  const usage = arg as dma_resv_usage;
  let { f, resv, r } = setup(usage);
  if (r) {
    dma_resv_unlock(resv);
    dma_resv_fini(resv);
    dma_fence_put(f);
    return r;
  }
  dma_resv_unlock(resv);
  const cursor = new dma_resv_iter();
  r = -ENOENT;
  dma_resv_iter_begin(cursor, resv, usage);
  for (const fence of dma_resv_for_each_fence_unlocked(cursor)) {
    if (!r) {
      pr_err('More than one fence found');
      r = -EINVAL;
      break;
    }
    if (!dma_resv_iter_is_restarted(cursor)) {
      pr_err('No restart flag');
      r = -EINVAL;
      break;
    }
    if (f !== fence) {
      pr_err('Unexpected fence');
      r = -EINVAL;
      break;
    }
    if (dma_resv_iter_usage(cursor) !== usage) {
      pr_err('Unexpected fence usage');
      r = -EINVAL;
      break;
    }
    // We use r as state here
    if (r === -ENOENT) {
      r = -EINVAL;
      // That should trigger an restart
      cursor.fences = new dma_resv_list();
    } else if (r === -EINVAL) r = 0;
  }
  if (r) pr_err('No fence found');
  dma_resv_iter_end(cursor);
  dma_fence_signal(f);
  dma_resv_fini(resv);
  dma_fence_put(f);
  return r;
}

function test_get_fences(arg: unknown): number {
  const usage = arg as dma_resv_usage;
  let { f, resv, r } = setup(usage);
  if (r) {
    dma_resv_unlock(resv);
    dma_resv_fini(resv);
    dma_fence_put(f);
    return r;
  }
  dma_resv_unlock(resv);
  const i = { value: 0 };
  const fences = { value: null as dma_fence[] | null };
  r = dma_resv_get_fences(resv, usage, i, fences);
  if (r) pr_err('get_fences failed');
  else if (i.value !== 1 || fences.value![0] !== f) {
    pr_err('get_fences returned unexpected fence');
    r = -EINVAL;
  }
  dma_fence_signal(f);
  while (i.value--) dma_fence_put(fences.value![i.value]);
  dma_resv_fini(resv);
  dma_fence_put(f);
  return r;
}

/** The per-usage subtests in kernel order. */
export const dma_resv_usage_subtests: subtest[] = [
  SUBTEST(test_signaling, 'test_signaling'),
  SUBTEST(test_for_each, 'test_for_each'),
  SUBTEST(test_for_each_unlocked, 'test_for_each_unlocked'),
  SUBTEST(test_get_fences, 'test_get_fences'),
];

/** The sanitycheck subtest. */
export const dma_resv_sanitycheck: subtest = SUBTEST(sanitycheck, 'sanitycheck');

/** The usages each test runs for. */
export const DMA_RESV_USAGES = [DMA_RESV_USAGE_KERNEL, DMA_RESV_USAGE_WRITE, DMA_RESV_USAGE_READ, DMA_RESV_USAGE_BOOKKEEP];

/** Run the group. Mirrors `drivers/dma-buf/st-dma-resv.c: dma_resv, v6.12`. */
export function dma_resv_selftest(): number {
  let r = subtests('dma_resv', [dma_resv_sanitycheck]);
  if (r) return r;
  for (const usage of DMA_RESV_USAGES) {
    r = subtests('dma_resv', dma_resv_usage_subtests, usage);
    if (r) return r;
  }
  return 0;
}
