/**
 * The virtual clock: deterministic time in nanoseconds, plus jiffies.
 *
 * Nothing here reads real time. The clock only moves when the simulated
 * scheduler advances it: when a task sleeps or waits, when a timer fires, or
 * when a kthread runs a step.
 * @module
 */

/** Nanoseconds per second. */
export const NSEC_PER_SEC = 1_000_000_000;
/** Nanoseconds per microsecond. */
export const NSEC_PER_USEC = 1_000;
/** Nanoseconds per millisecond. */
export const NSEC_PER_MSEC = 1_000_000;
/**
 * Largest timeout, in jiffies, meaning "wait forever" (`include/linux/sched.h`
 * uses LONG_MAX; the model uses the largest exactly representable integer).
 */
export const MAX_SCHEDULE_TIMEOUT = Number.MAX_SAFE_INTEGER;

/** The virtual clock of one kernel instance. */
export class VirtualClock {
  /** Current virtual time in nanoseconds since boot. */
  ns = 0;

  constructor(
    /** Timer frequency in Hz (Debian amd64: CONFIG_HZ=250, so one jiffy is 4 ms). */
    readonly HZ = 250,
  ) {}

  /** Nanoseconds per jiffy. */
  get nsPerJiffy(): number {
    return NSEC_PER_SEC / this.HZ;
  }

  /** Current jiffies (whole ticks since boot). */
  get jiffies(): number {
    return Math.floor(this.ns / this.nsPerJiffy);
  }

  /** Move time forward by `delta` nanoseconds (never backwards). */
  advance(delta: number): void {
    if (delta > 0) this.ns += delta;
  }

  /** Move time forward to `t` nanoseconds if it lies in the future. */
  advanceTo(t: number): void {
    if (t > this.ns) this.ns = t;
  }
}
