/**
 * Spinlocks, mirroring `include/linux/spinlock.h` (v6.12).
 *
 * Holding a spinlock makes the task atomic (`preempt_count > 0`): sleeping then
 * is reported, and blocking oopses with "scheduling while atomic". Taking a
 * spinlock the task already holds would spin forever: reported as recursive
 * locking, ending the run.
 * @module
 */
import * as current_h from './current.js';
import * as lockdep_h from './lockdep.js';
import { lockdep_recursive } from './lockdep.js';
import type { task_struct } from './sched.js';
import { MAX_SCHEDULE_TIMEOUT } from './clock.js';

// Bound once at load rather than read per call: where the model runs as CommonJS
// (tsx), every use of an imported binding is an export getter call, and on the
// lock hot paths (millions of chain callbacks in st-dma-fence-chain) those cost
// more than the model's own work.
const { K } = current_h;
const { lock_acquired, lock_released } = lockdep_h;

/** `spinlock_t`. Create with `new spinlock_t()` or {@link DEFINE_SPINLOCK}. */
export class spinlock_t {
  /** Task holding the lock, or null. */
  owner: task_struct | null = null;
  constructor(
    /** Lock class name for lockdep reports. */
    public name = 'spinlock',
  ) {}
}

/** `DEFINE_SPINLOCK(name)`: a new unlocked spinlock. */
export function DEFINE_SPINLOCK(name = 'spinlock'): spinlock_t {
  return new spinlock_t(name);
}

/** `spin_lock_init(lock)`: (re)initialise `lock` as unlocked. */
export function spin_lock_init(lock: spinlock_t, name?: string): void {
  lock.owner = null;
  if (name) lock.name = name;
}

/** `spin_lock(lock)` (and the _irq/_irqsave forms): take `lock`, entering atomic context. */
export function spin_lock(lock: spinlock_t): void {
  const sched = K().sched;
  const cur = sched.current;
  if (lock.owner !== null) {
    if (lock.owner === cur) lockdep_recursive(lock, 'spin_lock');
    // another kthread holds it: let it run until it releases
    sched.wait_until(() => lock.owner === null, MAX_SCHEDULE_TIMEOUT, false, `spin_lock(${lock.name})`);
  }
  lock.owner = cur;
  cur.preempt_count++;
  lock_acquired(lock, cur);
}

/** `spin_unlock(lock)` (and the _irq/_irqrestore forms). */
export function spin_unlock(lock: spinlock_t): void {
  const owner = lock.owner;
  if (owner === null) return;
  lock.owner = null;
  owner.preempt_count--;
  lock_released(lock, owner);
  // leaving atomic context: pending irq_work runs now (interrupts are enabled again)
  if (owner.preempt_count === 0) {
    const s = K().sched;
    if (s.irq_work_list !== null && s.current === owner) s.irq_work_run();
  }
}

/** `spin_lock_irqsave`: same as {@link spin_lock} in the model (returns the flags cookie 0). */
export function spin_lock_irqsave(lock: spinlock_t): number {
  spin_lock(lock);
  return 0;
}

/** `spin_unlock_irqrestore`. */
export function spin_unlock_irqrestore(lock: spinlock_t, _flags = 0): void {
  spin_unlock(lock);
}

/** `spin_lock_irq`. */
export const spin_lock_irq = spin_lock;
/** `spin_unlock_irq`. */
export const spin_unlock_irq = spin_unlock;

/** `spin_is_locked(lock)`. */
export function spin_is_locked(lock: spinlock_t): boolean {
  return lock.owner !== null;
}
