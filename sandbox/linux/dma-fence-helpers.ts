/**
 * Helpers of `linux/dma-fence.h` and `drivers/dma-buf/dma-fence.c` (v6.12):
 * seqno order (is_later, later), the stub fences, the debugfs description,
 * deadline hints and the container checks (array, chain).
 * @module
 */
import { WARN_ON, warn_report, type Site } from '../kernel/bug.js';
import { spin_lock, spin_unlock } from '../kernel/spinlock.js';
import { fstate } from './dma-fence-internal.js';
import { DMA_FENCE_FLAG_ENABLE_SIGNAL_BIT, dma_fence, type dma_fence_ops } from './dma-fence-types.js';
import { dma_fence_init, dma_fence_get } from './dma-fence-core.js';
import { dma_fence_is_signaled, dma_fence_signal_locked, dma_fence_signal_timestamp } from './dma-fence-signal.js';

const H = 'include/linux/dma-fence.h';

const dma_fence_stub_ops: dma_fence_ops = {
  get_driver_name: () => 'stub',
  get_timeline_name: () => 'stub',
};

/**
 * Give a deadline hint (virtual ns) to an unsignaled fence's provider.
 * Mirrors `drivers/dma-buf/dma-fence.c: dma_fence_set_deadline, v6.12`.
 */
export function dma_fence_set_deadline(fence: dma_fence, deadline: number): void {
  if (fence.ops.set_deadline && !dma_fence_is_signaled(fence)) fence.ops.set_deadline(fence, deadline);
}

/**
 * One debugfs line: `driver timeline seq N [un]signalled`.
 * Mirrors `drivers/dma-buf/dma-fence.c: dma_fence_describe, v6.12` (the seq_file becomes a string array).
 */
export function dma_fence_describe(fence: dma_fence, seq: string[]): void {
  seq.push(
    `${fence.ops.get_driver_name(fence)} ${fence.ops.get_timeline_name(fence)} seq ${fence.seqno} ${dma_fence_is_signaled(fence) ? '' : 'un'}signalled`,
  );
}

/**
 * A reference to the global always-signaled stub fence (context 0, seqno 0).
 * Mirrors `drivers/dma-buf/dma-fence.c: dma_fence_get_stub, v6.12`.
 */
export function dma_fence_get_stub(): dma_fence {
  const s = fstate();
  spin_lock(s.stub_lock);
  if (!s.stub) {
    const f = new dma_fence();
    dma_fence_init(f, dma_fence_stub_ops, s.stub_lock, 0, 0);
    f.flags |= 1 << DMA_FENCE_FLAG_ENABLE_SIGNAL_BIT;
    dma_fence_signal_locked(f);
    s.stub = f;
  }
  spin_unlock(s.stub_lock);
  return dma_fence_get(s.stub);
}

/**
 * A new, already signaled private stub fence with the given timestamp (virtual ns).
 * Mirrors `drivers/dma-buf/dma-fence.c: dma_fence_allocate_private_stub, v6.12`.
 */
export function dma_fence_allocate_private_stub(timestamp: number): dma_fence {
  const f = new dma_fence();
  dma_fence_init(f, dma_fence_stub_ops, fstate().stub_lock, 0, 0);
  f.flags |= 1 << DMA_FENCE_FLAG_ENABLE_SIGNAL_BIT;
  dma_fence_signal_timestamp(f, timestamp);
  return f;
}

/**
 * Seqno order: true if `f1` is later than `f2`; 32-bit wraparound unless
 * `ops.use_64bit_seqno`. Mirrors `include/linux/dma-fence.h: __dma_fence_is_later, v6.12`.
 */
export function __dma_fence_is_later(f1: number, f2: number, ops: dma_fence_ops): boolean {
  if (ops.use_64bit_seqno) return f1 > f2;
  return (((f1 >>> 0) - (f2 >>> 0)) | 0) > 0;
}

/**
 * True if `f1` is later than `f2` on the same context; WARN and false for
 * different contexts. Mirrors `include/linux/dma-fence.h: dma_fence_is_later, v6.12`.
 */
export function dma_fence_is_later(f1: dma_fence, f2: dma_fence): boolean {
  if (WARN_ON(f1.context !== f2.context, [H, 496, 'dma_fence_is_later'])) return false;
  return __dma_fence_is_later(f1.seqno, f2.seqno, f1.ops);
}

/** Same fence or later. Mirrors `include/linux/dma-fence.h: dma_fence_is_later_or_same, v6.12`. */
export function dma_fence_is_later_or_same(f1: dma_fence, f2: dma_fence): boolean {
  return f1 === f2 || dma_fence_is_later(f1, f2);
}

/**
 * The later of two fences on one context, or null if that one has signaled
 * (or with a WARN for different contexts). Mirrors `include/linux/dma-fence.h: dma_fence_later, v6.12`.
 */
export function dma_fence_later(f1: dma_fence, f2: dma_fence): dma_fence | null {
  if (WARN_ON(f1.context !== f2.context, [H, 529, 'dma_fence_later'])) return null;
  if (dma_fence_is_later(f1, f2)) return dma_fence_is_signaled(f1) ? null : f1;
  return dma_fence_is_signaled(f2) ? null : f2;
}

/** Ops object identity of fence arrays (set by dma-fence-array). @internal */
export const __container_ops: { array: dma_fence_ops | null; chain: dma_fence_ops | null } = { array: null, chain: null };

/** True for a dma_fence_array. Mirrors `include/linux/dma-fence.h: dma_fence_is_array, v6.12`. */
export function dma_fence_is_array(fence: dma_fence): boolean {
  return fence.ops === __container_ops.array && fence.ops !== null;
}

/** True for a dma_fence_chain. Mirrors `include/linux/dma-fence.h: dma_fence_is_chain, v6.12`. */
export function dma_fence_is_chain(fence: dma_fence): boolean {
  return fence.ops === __container_ops.chain && fence.ops !== null;
}

/** True for an array or a chain. Mirrors `include/linux/dma-fence.h: dma_fence_is_container, v6.12`. */
export function dma_fence_is_container(fence: dma_fence): boolean {
  return dma_fence_is_array(fence) || dma_fence_is_chain(fence);
}

/** @internal Site helper for modules that WARN about fences. */
export function __fence_warn(site: Site, msg?: string): void {
  warn_report(site, msg);
}
