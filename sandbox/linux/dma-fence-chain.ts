/**
 * `linux/dma-fence-chain.h` and `drivers/dma-buf/dma-fence-chain.c` (v6.12):
 * a timeline of fences, one chain node per point.
 *
 * Each node holds the fence of its point (`fence`) and a reference to the
 * previous node (`prev`). A node signals once its own fence and every earlier
 * one has signaled. Walking the chain drops nodes whose fence has signaled
 * (garbage collection), so `prev` links change under a walker: that is
 * expected. Seqnos are 64-bit (`use_64bit_seqno`).
 *
 * The callback that moves signalling along the chain is deferred through
 * irq_work, as in the kernel: it runs when the signalling task leaves atomic
 * context (right after dma_fence_signal() drops the fence lock).
 * @module
 */
import { K } from '../kernel/current.js';
import { EINVAL } from '../kernel/errno.js';
import { WARN_ON } from '../kernel/bug.js';
import { kfree } from '../kernel/kasan.js';
import * as irq_work_h from '../kernel/irq_work.js';
import { irq_work } from '../kernel/irq_work.js';
import { spinlock_t, spin_lock_init } from '../kernel/spinlock.js';
import * as dma_fence_h from './dma-fence.js';
import {
  dma_fence, dma_fence_cb, dma_fence_init, dma_fence_free, dma_fence_context_alloc, dma_fence_set_deadline,
  dma_fence_is_chain, __dma_fence_is_later, __container_ops, type dma_fence_ops,
} from './dma-fence.js';

// Bound once at load rather than read per call: where the model runs as CommonJS
// (tsx), every use of an imported binding is an export getter call, and on the
// fence hot paths (millions of chain callbacks in st-dma-fence-chain) those cost
// more than the model's own work.
const { dma_fence_get, dma_fence_put, dma_fence_get_rcu, dma_fence_is_signaled, dma_fence_add_callback, dma_fence_signal } = dma_fence_h;
const { init_irq_work, irq_work_queue } = irq_work_h;

const C = 'drivers/dma-buf/dma-fence-chain.c';

/** The callback node embedded in a chain node (`chain->cb`), pointing back at it (`container_of`). */
export class dma_fence_chain_cb extends dma_fence_cb {
  constructor(
    /** The node this callback belongs to. */
    readonly chain: dma_fence_chain,
  ) {
    super();
  }
}

/** The irq_work embedded in a chain node (`chain->work`), pointing back at it (`container_of`). */
export class dma_fence_chain_work extends irq_work {
  constructor(
    /** The node this work belongs to. */
    readonly chain: dma_fence_chain,
  ) {
    super();
  }
}

/**
 * `struct dma_fence_chain`: one point of a fence timeline. Allocate with
 * dma_fence_chain_alloc(), initialise with dma_fence_chain_init(); afterwards it
 * is owned by its references like any fence.
 */
export class dma_fence_chain extends dma_fence {
  /** `base` is the node itself (the model's struct embedding). */
  get base(): dma_fence {
    return this;
  }
  /** Previous point (a chain node or any fence), with a reference; null at the start or once collected. */
  prev: dma_fence | null = null;
  /** Seqno of `prev` when this node reused its context, else 0. */
  prev_seqno = 0;
  /** The fence of this point (the node owns its reference). */
  fence: dma_fence | null = null;
  /** Callback node used to follow the chain while signalling is enabled. */
  readonly cb: dma_fence_chain_cb = new dma_fence_chain_cb(this);
  /** irq_work that re-arms the callback (never in use at the same time as `cb`). */
  readonly work: dma_fence_chain_work = new dma_fence_chain_work(this);
  /** The node's own lock (`chain->lock`). */
  readonly chain_lock = new spinlock_t('&chain->lock');
}

/** The node behind `fence`, or null if it is not a chain node. Mirrors `include/linux/dma-fence-chain.h: to_dma_fence_chain, v6.12`. */
export function to_dma_fence_chain(fence: dma_fence | null): dma_fence_chain | null {
  // dma_fence_is_chain(), inline: this module owns the ops identity
  if (!fence || fence.ops !== dma_fence_chain_ops) return null;
  return fence as dma_fence_chain;
}

/**
 * The fence a node carries, or `fence` itself when it is not a chain node.
 * Mirrors `include/linux/dma-fence-chain.h: dma_fence_chain_contained, v6.12`.
 */
export function dma_fence_chain_contained(fence: dma_fence | null): dma_fence | null {
  const chain = to_dma_fence_chain(fence);
  return chain ? chain.fence : fence;
}

/**
 * Allocate an uninitialised node (never fails in the model; the kernel's
 * kmalloc can return NULL). Mirrors `include/linux/dma-fence-chain.h: dma_fence_chain_alloc, v6.12`.
 */
export function dma_fence_chain_alloc(): dma_fence_chain {
  return new dma_fence_chain();
}

/**
 * Free a node that was allocated but never initialised (after init, drop it
 * with dma_fence_put()). Mirrors `include/linux/dma-fence-chain.h: dma_fence_chain_free, v6.12`.
 */
export function dma_fence_chain_free(chain: dma_fence_chain): void {
  kfree(chain, 'dma_fence_chain_free');
}

/** `dma_fence_get_rcu_safe(&chain->prev)`, specialised to the one field it reads. */
function get_prev(chain: dma_fence_chain): dma_fence | null {
  for (;;) {
    const fence = chain.prev;
    if (!fence) return null;
    if (!dma_fence_get_rcu(fence)) continue;
    if (fence === chain.prev) return fence;
    dma_fence_put(fence);
  }
}

/**
 * Step from `fence` to the previous unsignaled point, collecting signaled nodes
 * on the way (their `prev` links are replaced). Consumes the caller's reference
 * to `fence`; returns the previous point with a new reference, or null at the
 * end (or when `fence` is not a chain node).
 * Mirrors `drivers/dma-buf/dma-fence-chain.c: dma_fence_chain_walk, v6.12`.
 */
export function dma_fence_chain_walk(fence: dma_fence): dma_fence | null {
  const chain = to_dma_fence_chain(fence);
  if (!chain) {
    dma_fence_put(fence);
    return null;
  }
  let prev: dma_fence | null;
  while ((prev = get_prev(chain))) {
    const prev_chain = to_dma_fence_chain(prev);
    let replacement: dma_fence | null;
    if (prev_chain) {
      if (!dma_fence_is_signaled(prev_chain.fence!)) break;
      replacement = get_prev(prev_chain);
    } else {
      if (!dma_fence_is_signaled(prev)) break;
      replacement = null;
    }
    // cmpxchg(&chain->prev, prev, replacement)
    if (chain.prev === prev) {
      chain.prev = replacement;
      dma_fence_put(prev);
    } else dma_fence_put(replacement);
    dma_fence_put(prev);
  }
  dma_fence_put(fence);
  return prev;
}

/**
 * `dma_fence_chain_for_each(iter, head)`: yields `head` (with a new reference)
 * and then each earlier unsignaled point, walking with dma_fence_chain_walk().
 * As in C, leaving the loop early (break) leaves the caller holding a reference
 * to the last fence yielded, to drop with dma_fence_put().
 * Mirrors `include/linux/dma-fence-chain.h: dma_fence_chain_for_each, v6.12`.
 */
export function* dma_fence_chain_for_each(head: dma_fence): Generator<dma_fence> {
  for (let iter: dma_fence | null = dma_fence_get(head); iter; iter = dma_fence_chain_walk(iter)) yield iter;
}

/**
 * Find the point of `pfence.value`'s timeline at which `seqno` is signaled:
 * replaces `pfence.value` (whose reference it consumes) with the earliest node
 * whose seqno is ≥ `seqno` and which is still needed, or null when everything
 * up to `seqno` has signaled. Returns 0; -EINVAL when `pfence.value` is not a
 * chain node or its seqno is below `seqno` (the fence is then left as it was).
 * `seqno` 0 returns 0 at once.
 * Mirrors `drivers/dma-buf/dma-fence-chain.c: dma_fence_chain_find_seqno, v6.12`.
 */
export function dma_fence_chain_find_seqno(pfence: { value: dma_fence | null }, seqno: number): number {
  if (!seqno) return 0;
  const chain = to_dma_fence_chain(pfence.value);
  if (!chain || chain.seqno < seqno) return -EINVAL;
  for (pfence.value = dma_fence_get(chain.base); pfence.value; pfence.value = dma_fence_chain_walk(pfence.value)) {
    const f = pfence.value;
    if (f.context !== chain.context || to_dma_fence_chain(f)!.prev_seqno < seqno) break;
  }
  dma_fence_put(chain.base);
  return 0;
}

function chain_irq_work(work: irq_work): void {
  const chain = (work as dma_fence_chain_work).chain;
  // try to re-arm the callback; when nothing unsignaled is left, signal
  if (!dma_fence_chain_ops.enable_signaling!(chain)) dma_fence_signal(chain);
  dma_fence_put(chain);
}

function chain_cb(f: dma_fence, cb: dma_fence_cb): void {
  const chain = (cb as dma_fence_chain_cb).chain;
  init_irq_work(chain.work, chain_irq_work);
  irq_work_queue(chain.work);
  dma_fence_put(f);
}


/**
 * The ops of every chain node: 64-bit seqnos, names `dma_fence_chain` /
 * `unbound`; enable_signaling queues one callback on the first unsignaled
 * contained fence; signaled() checks every contained fence; release unlinks
 * the chain iteratively (no deep recursion) and drops `prev` and `fence`.
 * Mirrors `drivers/dma-buf/dma-fence-chain.c: dma_fence_chain_ops, v6.12`.
 */
export const dma_fence_chain_ops: dma_fence_ops = {
  use_64bit_seqno: true,
  get_driver_name: () => 'dma_fence_chain',
  get_timeline_name: () => 'unbound',
  enable_signaling(fence) {
    const head = to_dma_fence_chain(fence)!;
    dma_fence_get(head);
    for (let it = dma_fence_get(head as dma_fence) as dma_fence | null; it; it = dma_fence_chain_walk(it)) {
      const f = dma_fence_chain_contained(it)!;
      dma_fence_get(f);
      if (!dma_fence_add_callback(f, head.cb, chain_cb)) {
        dma_fence_put(it);
        return true;
      }
      dma_fence_put(f);
    }
    dma_fence_put(head);
    return false;
  },
  signaled(fence) {
    for (let it = dma_fence_get(fence) as dma_fence | null; it; it = dma_fence_chain_walk(it)) {
      if (!dma_fence_is_signaled(dma_fence_chain_contained(it)!)) {
        dma_fence_put(it);
        return false;
      }
    }
    return true;
  },
  release(fence) {
    const chain = to_dma_fence_chain(fence)!;
    let prev: dma_fence | null;
    while ((prev = chain.prev)) {
      if (prev.refcount > 1) break;
      const prev_chain = to_dma_fence_chain(prev);
      if (!prev_chain) break;
      chain.prev = prev_chain.prev;
      prev_chain.prev = null;
      dma_fence_put(prev);
    }
    dma_fence_put(prev);
    dma_fence_put(chain.fence);
    dma_fence_free(fence);
  },
  set_deadline(fence, deadline) {
    for (let it = dma_fence_get(fence) as dma_fence | null; it; it = dma_fence_chain_walk(it))
      dma_fence_set_deadline(dma_fence_chain_contained(it)!, deadline);
  },
};
__container_ops.chain = dma_fence_chain_ops;

/**
 * Initialise `chain` as the point `seqno` after `prev`, carrying `fence`. Both
 * references move into the node. The node reuses `prev`'s context when `prev`
 * is a chain node and `seqno` is later than its seqno (then `prev_seqno` is
 * set); otherwise it gets a new context, and its seqno is raised to `prev`'s
 * if lower. WARNs when `fence` is itself a chain node (flatten into an array
 * instead). No lock needed.
 * Mirrors `drivers/dma-buf/dma-fence-chain.c: dma_fence_chain_init, v6.12`.
 * @param seqno u64 position on the timeline.
 */
export function dma_fence_chain_init(chain: dma_fence_chain, prev: dma_fence | null, fence: dma_fence, seqno: number): void {
  const prev_chain = to_dma_fence_chain(prev);
  spin_lock_init(chain.chain_lock);
  chain.prev = prev;
  chain.fence = fence;
  chain.prev_seqno = 0;
  let context: number;
  if (prev_chain && __dma_fence_is_later(seqno, prev!.seqno, prev!.ops)) {
    context = prev!.context;
    chain.prev_seqno = prev!.seqno;
  } else {
    context = dma_fence_context_alloc(1);
    if (prev_chain) seqno = Math.max(prev!.seqno, seqno);
  }
  dma_fence_init(chain, dma_fence_chain_ops, chain.chain_lock, context, seqno);
  WARN_ON(dma_fence_is_chain(fence), [C, 275, 'dma_fence_chain_init']);
  K().trace.emit('call', 'dma_fence_chain_init', 'dma_fence', chain.__id, undefined, { context, seqno });
}
