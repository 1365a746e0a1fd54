/**
 * A software timeline written like `drivers/dma-buf/sw_sync.c` (v6.12):
 * `sync_timeline` holds a counter; `sync_pt` fences wait for the counter to
 * reach their value; advancing the timeline signals every point it passes,
 * in order. Closing the timeline (sw_sync_debugfs_release) signals what is
 * left with -ENOENT. Fences are handed to user space as sync_file fds.
 * @module
 */
import { ENOENT } from '../kernel/errno.js';
import { kref, kref_init, kref_get, kref_put } from '../kernel/refcount.js';
import { kfree } from '../kernel/kasan.js';
import { spinlock_t, spin_lock_irq, spin_unlock_irq } from '../kernel/spinlock.js';
import {
  dma_fence, dma_fence_init, dma_fence_get, dma_fence_get_rcu, dma_fence_put, dma_fence_free, dma_fence_context_alloc,
  dma_fence_signal_locked, dma_fence_is_signaled_locked, dma_fence_set_error, __dma_fence_is_later, type dma_fence_ops,
} from '../linux/dma-fence.js';
import { sync_file_create } from '../linux/sync_file.js';
import { fd_install, get_unused_fd_flags, O_CLOEXEC } from '../linux/file.js';

/** `struct sync_timeline`: a named counter with its pending points, ordered by value. */
export class sync_timeline extends kref {
  /** Name (the creating task's comm in sw_sync). */
  name = '';
  /** Fence context of every point on this timeline. */
  context = 0;
  /** Current value: points with value ≤ this have signaled (u32). */
  value = 0;
  /** Pending points, ascending by seqno (the kernel keeps an rbtree and a list). */
  pt_list: sync_pt[] = [];
  /** Lock of the timeline, shared by all its fences. */
  readonly lock = new spinlock_t('&obj->lock');
  /** @internal */
  __kfreed = false;
}

/** `struct sync_pt`: a fence on a sync_timeline. */
export class sync_pt extends dma_fence {
  /** The timeline (`dma_fence_parent`). */
  parent: sync_timeline = null as unknown as sync_timeline;
  /** Deadline hint (virtual ns), valid once set. */
  deadline = 0;
}

function unlink(pt: sync_pt): void {
  const l = pt.parent.pt_list;
  const i = l.indexOf(pt);
  if (i >= 0) l.splice(i, 1);
}

/** The ops of timeline fences. Mirrors `drivers/dma-buf/sw_sync.c: timeline_fence_ops, v6.12`. */
export const timeline_fence_ops: dma_fence_ops = {
  get_driver_name: () => 'sw_sync',
  get_timeline_name: (f) => (f as sync_pt).parent.name,
  enable_signaling: () => true,
  signaled: (f) => !__dma_fence_is_later(f.seqno, (f as sync_pt).parent.value, f.ops),
  release(f) {
    const pt = f as sync_pt;
    spin_lock_irq(f.lock);
    unlink(pt);
    spin_unlock_irq(f.lock);
    sync_timeline_put(pt.parent);
    dma_fence_free(f);
  },
  set_deadline(f, deadline) {
    const pt = f as sync_pt;
    if (!pt.deadline || deadline < pt.deadline) pt.deadline = deadline;
  },
};

/** Create a timeline at value 0 with one reference. Mirrors `drivers/dma-buf/sw_sync.c: sync_timeline_create, v6.12`. */
export function sync_timeline_create(name: string): sync_timeline {
  const obj = new sync_timeline();
  kref_init(obj);
  obj.context = dma_fence_context_alloc(1);
  obj.name = name.slice(0, 31);
  return obj;
}

/** +1 on the timeline. */
export function sync_timeline_get(obj: sync_timeline): void {
  kref_get(obj, 'sync_timeline_get');
}

/** -1 on the timeline; freed at 0. */
export function sync_timeline_put(obj: sync_timeline): void {
  kref_put(obj, (o) => kfree(o, 'sync_timeline_free'), 'sync_timeline_put');
}

/**
 * Advance the timeline by `inc` and signal, in order, every pending point it
 * reached (with the timeline lock held: their callbacks run then).
 * Mirrors `drivers/dma-buf/sw_sync.c: sync_timeline_signal, v6.12`.
 */
export function sync_timeline_signal(obj: sync_timeline, inc: number): void {
  const signalled: sync_pt[] = [];
  spin_lock_irq(obj.lock);
  obj.value = (obj.value + inc) >>> 0;
  while (obj.pt_list.length) {
    const pt = obj.pt_list[0]!;
    if (!timeline_fence_ops.signaled!(pt)) break;
    dma_fence_get(pt);
    obj.pt_list.shift();
    signalled.push(pt);
    dma_fence_signal_locked(pt);
  }
  spin_unlock_irq(obj.lock);
  for (const pt of signalled) dma_fence_put(pt);
}

/**
 * A fence that signals when the timeline reaches `value`; already signaled if
 * it has. Asking twice for a pending value returns the same point with a new
 * reference. Mirrors `drivers/dma-buf/sw_sync.c: sync_pt_create, v6.12`.
 */
export function sync_pt_create(obj: sync_timeline, value: number): sync_pt {
  let pt = new sync_pt();
  pt.parent = obj;
  sync_timeline_get(obj);
  dma_fence_init(pt, timeline_fence_ops, obj.lock, obj.context, value);
  spin_lock_irq(obj.lock);
  if (!dma_fence_is_signaled_locked(pt)) {
    const l = obj.pt_list;
    let i = 0;
    while (i < l.length && l[i]!.seqno < value) i++;
    const other = l[i];
    if (other && other.seqno === value && dma_fence_get_rcu(other)) {
      sync_timeline_put(obj);
      kfree(pt, 'kfree');
      pt = other;
    } else l.splice(i, 0, pt);
  }
  spin_unlock_irq(obj.lock);
  return pt;
}

/**
 * SW_SYNC_IOC_CREATE_FENCE: a point at `value` wrapped in a sync_file, installed
 * in a new fd, which is returned. Mirrors `drivers/dma-buf/sw_sync.c: sw_sync_ioctl_create_fence, v6.12`.
 */
export function sw_sync_create_fence(obj: sync_timeline, value: number): number {
  const fd = get_unused_fd_flags(O_CLOEXEC);
  const pt = sync_pt_create(obj, value);
  const sf = sync_file_create(pt)!;
  dma_fence_put(pt);
  fd_install(fd, sf.file);
  return fd;
}

/**
 * Close the timeline: every pending point signals with -ENOENT, then the
 * timeline reference is dropped. Mirrors `drivers/dma-buf/sw_sync.c: sw_sync_debugfs_release, v6.12`.
 */
export function sw_sync_release(obj: sync_timeline): void {
  spin_lock_irq(obj.lock);
  for (const pt of [...obj.pt_list]) {
    dma_fence_set_error(pt, -ENOENT);
    dma_fence_signal_locked(pt);
  }
  spin_unlock_irq(obj.lock);
  sync_timeline_put(obj);
}
