/**
 * `linux/ww_mutex.h`: wound/wait mutexes (wait-die for reservation objects),
 * re-exported from the kernel runtime where they are implemented.
 * @module
 */
export {
  ww_class, ww_acquire_ctx, ww_mutex, DEFINE_WD_CLASS, DEFINE_WW_CLASS, ww_mutex_init, ww_mutex_destroy,
  ww_acquire_init, ww_acquire_done, ww_acquire_fini, ww_mutex_lock, ww_mutex_lock_interruptible,
  ww_mutex_lock_slow, ww_mutex_lock_slow_interruptible, ww_mutex_trylock, ww_mutex_unlock, ww_mutex_is_locked,
} from '../kernel/ww_mutex.js';
