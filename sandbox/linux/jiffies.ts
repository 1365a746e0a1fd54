/**
 * `linux/jiffies.h`, `linux/ktime.h` and `linux/delay.h`, reduced: time on the simulated
 * kernel's virtual clock. Timeouts of the wait functions are in jiffies (CONFIG_HZ=250 by
 * default, so one jiffy is 4 ms); sleeping advances the clock and runs the simulated device work
 * that falls due meanwhile.
 * @module
 */
import { K } from '../kernel/current.js';
import { NSEC_PER_MSEC, NSEC_PER_USEC, MAX_SCHEDULE_TIMEOUT } from '../kernel/clock.js';

export { MAX_SCHEDULE_TIMEOUT };

/** Jiffies since boot. Mirrors `include/linux/jiffies.h: get_jiffies_64, v6.12`. */
export function get_jiffies_64(): number {
  return K().clock.jiffies;
}

/** Milliseconds → jiffies, rounded up. Mirrors `include/linux/jiffies.h: msecs_to_jiffies, v6.12`. */
export function msecs_to_jiffies(m: number): number {
  return Math.ceil((m * K().clock.HZ) / 1000);
}

/** Microseconds → jiffies, rounded up. Mirrors `include/linux/jiffies.h: usecs_to_jiffies, v6.12`. */
export function usecs_to_jiffies(u: number): number {
  return Math.ceil((u * K().clock.HZ) / 1_000_000);
}

/** Jiffies → milliseconds. Mirrors `kernel/time/time.c: jiffies_to_msecs, v6.12`. */
export function jiffies_to_msecs(j: number): number {
  return (j * 1000) / K().clock.HZ;
}

/** Monotonic virtual time in nanoseconds since boot. Mirrors `include/linux/timekeeping.h: ktime_get_ns, v6.12`. */
export function ktime_get_ns(): number {
  return K().clock.ns;
}

/** Nanoseconds → microseconds, truncated. Mirrors `include/linux/ktime.h: ktime_to_us, v6.12`. */
export function ktime_to_us(ns: number): number {
  return Math.trunc(ns / NSEC_PER_USEC);
}

/**
 * Sleep `ms` milliseconds of virtual time (timers and device jobs due meanwhile run).
 * Must not be called in atomic context. Mirrors `kernel/time/timer.c: msleep, v6.12`.
 */
export function msleep(ms: number): void {
  K().sched.sleep_ns(ms * NSEC_PER_MSEC);
}
