/**
 * `linux/dma-fence.h` and `drivers/dma-buf/dma-fence.c` (v6.12): cross-device
 * synchronisation points.
 *
 * A fence is created pending with one reference (dma_fence_init), signals at
 * most once (dma_fence_signal*), runs its queued callbacks in the order they
 * were added, with the fence lock held, at the moment it signals, and is
 * released when the last reference is dropped.
 *
 * Time: timestamps are virtual nanoseconds (`ktime_t`); wait timeouts are
 * jiffies (CONFIG_HZ of the kernel instance, 250 by default: 4 ms each).
 *
 * This module is the header: it re-exports the structures (dma-fence-types.ts),
 * init and reference counting (dma-fence-core.ts), signalling and callbacks
 * (dma-fence-signal.ts), waiting and the signalling annotations
 * (dma-fence-wait.ts), and the helpers: seqno order, stubs, describe,
 * deadline, container checks (dma-fence-helpers.ts). Those modules import
 * each other in one direction only: types, then dma-fence-internal.ts (shared
 * state, not re-exported), signal, core, then wait or helpers; never through
 * this one.
 * @module
 */
export { MAX_SCHEDULE_TIMEOUT } from '../kernel/clock.js';
export { spinlock_t, DEFINE_SPINLOCK, spin_lock_init, spin_lock, spin_unlock, spin_lock_irqsave, spin_unlock_irqrestore } from '../kernel/spinlock.js';

export * from './dma-fence-types.js';
export * from './dma-fence-core.js';
export * from './dma-fence-signal.js';
export * from './dma-fence-wait.js';
export * from './dma-fence-helpers.js';
