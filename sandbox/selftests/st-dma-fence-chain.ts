/**
 * Port of `drivers/dma-buf/st-dma-fence-chain.c` (v6.12), kernel test names kept.
 *
 * Threads are generator kthreads on the virtual clock. Differences from the
 * kernel, all forced by the single-threaded model:
 * - `num_online_cpus()` is 2 (the number of find_race threads);
 * - `yield_to(tsk)`: the main task cannot be suspended, so a waiter thread
 *   starts its dma_fence_wait() when the main task blocks in kthread_stop(),
 *   after the main task has signaled the fences;
 * - find_race charges each pass 1 ms of virtual time, so its 5 s window
 *   (`5 * HZ`) is about 5,000 passes rather than millions;
 * - random numbers come from the kernel instance's seeded generator.
 * @module
 */
import { K } from '../kernel/current.js';
import { pr_err, pr_info } from '../kernel/bug.js';
import { EINVAL, EIO } from '../kernel/errno.js';
import { kfree } from '../kernel/kasan.js';
import { NSEC_PER_MSEC } from '../kernel/clock.js';
import { get_random_u32_below, get_random_u32_inclusive } from '../kernel/random.js';
import {
  dma_fence, dma_fence_init, dma_fence_get, dma_fence_put, dma_fence_signal, dma_fence_enable_sw_signaling,
  dma_fence_is_signaled, dma_fence_wait, type dma_fence_ops,
} from '../linux/dma-fence.js';
import { dma_fence_chain_alloc, dma_fence_chain_init, dma_fence_chain_find_seqno } from '../linux/dma-fence-chain.js';
import { mock_fence_obj, subtests, SUBTEST } from './selftest.js';

/** `CHAIN_SZ`: nodes in the long chains. */
export const CHAIN_SZ = 4 << 10;
const NUM_ONLINE_CPUS = 2;


const mock_ops: dma_fence_ops = {
  get_driver_name: () => 'mock',
  get_timeline_name: () => 'mock',
  release: (f) => kfree(f, 'kmem_cache_free'),
};

function mock_fence(): dma_fence {
  const f = new mock_fence_obj();
  dma_fence_init(f, mock_ops, f.mock_lock, 0, 0);
  return f;
}

function mock_chain(prev: dma_fence | null, fence: dma_fence, seqno: number): dma_fence {
  const f = dma_fence_chain_alloc();
  dma_fence_chain_init(f, dma_fence_get(prev), dma_fence_get(fence), seqno);
  return f;
}

function sanitycheck(): number {
  const f = mock_fence();
  const chain = mock_chain(null, f, 1);
  dma_fence_enable_sw_signaling(chain);
  dma_fence_signal(f);
  dma_fence_put(f);
  dma_fence_put(chain);
  return 0;
}

interface fence_chains {
  chain_length: number;
  fences: dma_fence[];
  chains: dma_fence[];
  tail: dma_fence | null;
}

const seqno_inc = (i: number): number => i + 1;
const seqno_inc2 = (i: number): number => 2 * i + 2;

function fence_chains_init(count: number, seqno_fn: (i: number) => number): fence_chains {
  const fc: fence_chains = { chain_length: 0, fences: [], chains: [], tail: null };
  for (let i = 0; i < count; i++) {
    fc.fences[i] = mock_fence();
    fc.chains[i] = mock_chain(fc.tail, fc.fences[i]!, seqno_fn(i));
    fc.tail = fc.chains[i]!;
    dma_fence_enable_sw_signaling(fc.chains[i]!);
  }
  fc.chain_length = count;
  return fc;
}

function fence_chains_fini(fc: fence_chains): void {
  for (let i = 0; i < fc.chain_length; i++) {
    dma_fence_signal(fc.fences[i]!);
    dma_fence_put(fc.fences[i]);
  }
  for (let i = 0; i < fc.chain_length; i++) dma_fence_put(fc.chains[i]);
}

/** `fence = dma_fence_get(x); err = dma_fence_chain_find_seqno(&fence, seqno); dma_fence_put(fence);` */
function find(start: dma_fence | null, seqno: number): { err: number; fence: dma_fence | null } {
  const pf = { value: dma_fence_get(start) };
  const err = dma_fence_chain_find_seqno(pf, seqno);
  dma_fence_put(pf.value);
  return { err, fence: pf.value };
}

function find_seqno(): number {
  const fc = fence_chains_init(64, seqno_inc);
  let err = 0;
  let r = find(fc.tail, 0);
  if (r.err) {
    pr_err(`Reported ${r.err} for find_seqno(0)!`);
    err = r.err;
  }
  for (let i = 0; !err && i < fc.chain_length; i++) {
    r = find(fc.tail, i + 1);
    if (r.err) {
      pr_err(`Reported ${r.err} for find_seqno(${fc.chain_length + 1}:${i + 1})!`);
      err = r.err;
      break;
    }
    if (r.fence !== fc.chains[i]) {
      pr_err(`Incorrect fence reported by find_seqno(${fc.chain_length + 1}:${i + 1})`);
      err = -EINVAL;
      break;
    }
    r = find(r.fence, i + 1);
    if (r.err) {
      pr_err('Error reported for finding self');
      err = r.err;
      break;
    }
    if (r.fence !== fc.chains[i]) {
      pr_err('Incorrect fence reported by find self');
      err = -EINVAL;
      break;
    }
    const self = r.fence;
    r = find(self, i + 2);
    if (!r.err) {
      pr_err(`Error not reported for future fence: find_seqno(${i + 1}:${i + 2})!`);
      err = -EINVAL;
      break;
    }
    r = find(self, i);
    if (r.err) {
      pr_err('Error reported for previous fence!');
      err = r.err;
      break;
    }
    if (i > 0 && r.fence !== fc.chains[i - 1]) {
      pr_err(`Incorrect fence reported by find_seqno(${i + 1}:${i})`);
      err = -EINVAL;
      break;
    }
  }
  fence_chains_fini(fc);
  return err;
}

function find_signaled(): number {
  const fc = fence_chains_init(2, seqno_inc);
  dma_fence_signal(fc.fences[0]!);
  let { err, fence } = find(fc.tail, 1);
  if (err) pr_err(`Reported ${err} for find_seqno()!`);
  else if (fence && fence !== fc.chains[0]) {
    pr_err(`Incorrect chain-fence.seqno:${fence.seqno} reported for completed seqno:1`);
    const r = find(fence, 1);
    if (r.err) pr_err(`Reported ${r.err} for finding self!`);
    err = -EINVAL;
  }
  fence_chains_fini(fc);
  return err;
}

function find_out_of_order(): number {
  const fc = fence_chains_init(3, seqno_inc);
  dma_fence_signal(fc.fences[1]!);
  let { err, fence } = find(fc.tail, 2);
  if (err) pr_err(`Reported ${err} for find_seqno()!`);
  // fence 2 was signaled but 1 was not: we must wait for chain[0] (2 is collected)
  else if (fence !== fc.chains[0]) {
    pr_err(`Incorrect chain-fence.seqno:${fence ? fence.seqno : 0} reported for completed seqno:2`);
    err = -EINVAL;
  }
  fence_chains_fini(fc);
  return err;
}

function find_gap(): number {
  const fc = fence_chains_init(64, seqno_inc2);
  let err = 0;
  for (let i = 0; i < fc.chain_length; i++) {
    let r = find(fc.tail, 2 * i + 1);
    if (r.err) {
      pr_err(`Reported ${r.err} for find_seqno(${fc.chain_length + 1}:${2 * i + 1})!`);
      err = r.err;
      break;
    }
    if (r.fence !== fc.chains[i]) {
      pr_err(`Incorrect fence.seqno:${r.fence?.seqno} reported by find_seqno(${fc.chain_length + 1}:${2 * i + 1})`);
      err = -EINVAL;
      break;
    }
    r = find(r.fence, 2 * i + 2);
    if (r.err) {
      pr_err('Error reported for finding self');
      err = r.err;
      break;
    }
    if (r.fence !== fc.chains[i]) {
      pr_err('Incorrect fence reported by find self');
      err = -EINVAL;
      break;
    }
  }
  fence_chains_fini(fc);
  return err;
}

interface find_race_data {
  fc: fence_chains;
  children: number;
}

function* __find_race(data: find_race_data): Generator<unknown, number, unknown> {
  const me = K().sched.current;
  let err = 0;
  while (!me.should_stop) {
    const pf = { value: dma_fence_get(data.fc.tail) };
    let seqno = get_random_u32_inclusive(1, data.fc.chain_length);
    err = dma_fence_chain_find_seqno(pf, seqno);
    if (err) {
      pr_err(`Failed to find fence seqno:${seqno}`);
      dma_fence_put(pf.value);
      break;
    }
    if (pf.value) {
      // we can only find ourselves if we are on the fence we were looking for
      if (pf.value.seqno === seqno) {
        err = dma_fence_chain_find_seqno(pf, seqno);
        if (err) {
          pr_err(`Reported an invalid fence for find-self:${seqno}`);
          dma_fence_put(pf.value);
          break;
        }
      }
      dma_fence_put(pf.value);
    }
    seqno = get_random_u32_below(data.fc.chain_length - 1);
    dma_fence_signal(data.fc.fences[seqno]!);
    K().clock.advance(NSEC_PER_MSEC); // the cost of one pass (see the module note)
    yield; // cond_resched()
  }
  data.children--;
  return err;
}

function find_race(): number {
  const sched = K().sched;
  const data: find_race_data = { fc: fence_chains_init(CHAIN_SZ, seqno_inc), children: 0 };
  let err = 0;
  const threads = [];
  for (let i = 0; i < NUM_ONLINE_CPUS; i++) {
    threads.push(sched.kthread_run(__find_race, data, `dmabuf/${i}`));
    data.children++;
  }
  sched.wait_until(() => data.children === 0, 5 * K().clock.HZ, false, 'wait_var_event_timeout(&data.children)');
  for (const t of threads) {
    const ret = sched.kthread_stop(t);
    if (ret && !err) err = ret;
  }
  let count = 0;
  for (let i = 0; i < data.fc.chain_length; i++) if (dma_fence_is_signaled(data.fc.fences[i]!)) count++;
  pr_info(`Completed ${count} cycles`);
  fence_chains_fini(data.fc);
  return err;
}

function signal_forward(): number {
  const fc = fence_chains_init(64, seqno_inc);
  let err = 0;
  for (let i = 0; i < fc.chain_length; i++) {
    dma_fence_signal(fc.fences[i]!);
    if (!dma_fence_is_signaled(fc.chains[i]!)) {
      pr_err(`chain[${i}] not signaled!`);
      err = -EINVAL;
      break;
    }
    if (i + 1 < fc.chain_length && dma_fence_is_signaled(fc.chains[i + 1]!)) {
      pr_err(`chain[${i}] is signaled!`);
      err = -EINVAL;
      break;
    }
  }
  fence_chains_fini(fc);
  return err;
}

function signal_backward(): number {
  const fc = fence_chains_init(64, seqno_inc);
  let err = 0;
  for (let i = fc.chain_length; !err && i--; ) {
    dma_fence_signal(fc.fences[i]!);
    if (i > 0 && dma_fence_is_signaled(fc.chains[i]!)) {
      pr_err(`chain[${i}] is signaled!`);
      err = -EINVAL;
    }
  }
  for (let i = 0; !err && i < fc.chain_length; i++) {
    if (!dma_fence_is_signaled(fc.chains[i]!)) {
      pr_err(`chain[${i}] was not signaled!`);
      err = -EINVAL;
    }
  }
  fence_chains_fini(fc);
  return err;
}

function* __wait_fence_chains(fc: fence_chains): Generator<unknown, number, unknown> {
  yield;
  if (dma_fence_wait(fc.tail!, false)) return -EIO;
  return 0;
}

function wait_with(order: (fc: fence_chains) => number[]): number {
  const fc = fence_chains_init(CHAIN_SZ, seqno_inc);
  const sched = K().sched;
  const tsk = sched.kthread_run(__wait_fence_chains, fc, 'dmabuf/wait');
  for (const i of order(fc)) dma_fence_signal(fc.fences[i]!);
  const err = sched.kthread_stop(tsk);
  fence_chains_fini(fc);
  return err;
}

const forward = (fc: fence_chains): number[] => Array.from({ length: fc.chain_length }, (_, i) => i);

function wait_forward(): number {
  return wait_with(forward);
}

function wait_backward(): number {
  return wait_with((fc) => forward(fc).reverse());
}

function randomise_fences(fc: fence_chains): void {
  // Fisher-Yates shuffle courtesy of Knuth
  let count = fc.chain_length;
  while (--count) {
    const swp = get_random_u32_below(count + 1);
    if (swp === count) continue;
    [fc.fences[count], fc.fences[swp]] = [fc.fences[swp]!, fc.fences[count]!];
  }
}

function wait_random(): number {
  return wait_with((fc) => {
    randomise_fences(fc);
    return forward(fc);
  });
}

/** The st-dma-fence-chain subtests in kernel order. */
export const dma_fence_chain_subtests = [
  SUBTEST(sanitycheck, 'sanitycheck'),
  SUBTEST(find_seqno, 'find_seqno'),
  SUBTEST(find_signaled, 'find_signaled'),
  SUBTEST(find_out_of_order, 'find_out_of_order'),
  SUBTEST(find_gap, 'find_gap'),
  SUBTEST(find_race, 'find_race'),
  SUBTEST(signal_forward, 'signal_forward'),
  SUBTEST(signal_backward, 'signal_backward'),
  SUBTEST(wait_forward, 'wait_forward'),
  SUBTEST(wait_backward, 'wait_backward'),
  SUBTEST(wait_random, 'wait_random'),
];

/** Run the group. Mirrors `drivers/dma-buf/st-dma-fence-chain.c: dma_fence_chain, v6.12`. */
export function dma_fence_chain_selftest(): number {
  pr_info(`sizeof(dma_fence_chain)=${184}`);
  return subtests('dma_fence_chain', dma_fence_chain_subtests);
}
