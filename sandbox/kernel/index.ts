/**
 * The simulated kernel runtime underneath the dma-buf model.
 * @module
 */
export * from './errno.js';
export * from './err.js';
export * from './clock.js';
export * from './printk.js';
export * from './trace.js';
export * from './oops.js';
export * from './sched.js';
export * from './kernel.js';
export * from './current.js';
export * from './bug.js';
export * from './kasan.js';
export * from './refcount.js';
export * from './lockdep.js';
export * from './spinlock.js';
export * from './ww_mutex.js';
export * from './random.js';
export * from './irq_work.js';
