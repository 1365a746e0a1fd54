/**
 * The simulated scheduler: tasks, kthreads, timers and blocking waits on the
 * virtual clock.
 *
 * The model is single-threaded JavaScript. The "main" task is the reader's
 * program. Kthreads are generator functions: every `yield` is a point where a
 * real CPU could switch to another thread, so the scheduler interleaves them
 * deterministically (round robin). A blocking wait runs other runnable tasks and
 * fires timers (advancing the virtual clock) until its condition holds or its
 * timeout passes. When nothing can make progress and the wait has no timeout,
 * the machine would hang: the scheduler reports a hung task and oopses.
 * @module
 */
import type { lockdep_map } from './lockdep.js';
import { VirtualClock, MAX_SCHEDULE_TIMEOUT, NSEC_PER_MSEC, NSEC_PER_USEC } from './clock.js';

/** The body of a kthread: returns its exit code, or yields at preemption points. */
export type KthreadFn<A> = (arg: A) => Generator<unknown, number, unknown> | number;

/** A task (`struct task_struct`, reduced to what the model needs). */
export class task_struct {
  /** Locks this task holds, innermost last (lockdep's held_locks). */
  readonly held_locks: lockdep_map[] = [];
  /** Preemption/atomic depth: > 0 inside a spinlock, e.g. in a fence callback. */
  preempt_count = 0;
  /** Depth of dma_fence_begin_signalling() sections. */
  fence_signalling = 0;
  /** Set by kthread_stop(). */
  should_stop = false;
  /** A pending signal: interruptible waits return -ERESTARTSYS. */
  sigpending = false;
  /** The kthread body being stepped, or null for the main task. */
  gen: Generator<unknown, number, unknown> | null = null;
  /** True while the task's code is on the JavaScript stack (it cannot be stepped again). */
  onstack = false;
  /** Exit code once the task has finished. */
  exit_code: number | undefined = undefined;
  /** True once the task has finished. */
  done = false;

  constructor(
    /** Process id. The main task is 1. */
    readonly pid: number,
    /** Command name, e.g. `sandbox` or `dma-fence:0`. */
    readonly comm: string,
  ) {}
}

/** What the scheduler needs of a `struct irq_work` (`kernel/irq_work.ts`): its function, flag and llist link. */
export interface irq_work_node {
  func: ((w: never) => void) | null;
  pending: boolean;
  /** Next queued work (the `llnode` link), or null. */
  __next: irq_work_node | null;
}

interface Timer {
  expires: number;
  seq: number;
  fn: () => void;
  cancelled: boolean;
}

/** Handle of a pending timer. */
export interface TimerHandle {
  /** Cancel the timer. Returns true if it had not fired yet. */
  cancel(): boolean;
}

/** Reason a blocking wait cannot finish: reported by the caller (hung task, atomic sleep). */
export type BlockFailure = 'hung' | 'atomic';

/** Scheduler of one kernel instance. */
export class Scheduler {
  readonly main: task_struct;
  /** The task whose code is running now. */
  current: task_struct;
  private readonly tasks: task_struct[] = [];
  private timers: Timer[] = [];
  private timerSeq = 0;
  private nextPid = 2;
  private rr = 0;
  /** Virtual nanoseconds a kthread step costs, so busy loops still move time. */
  stepCost = 10 * NSEC_PER_USEC;
  /**
   * First queued irq_work (`kernel/irq_work.ts`), run when the current task
   * leaves atomic context; the queue is linked through the works themselves
   * (the per-CPU `llist` of the kernel), in queueing order.
   */
  irq_work_list: irq_work_node | null = null;
  /** Last queued irq_work, or null. */
  irq_work_last: irq_work_node | null = null;
  private irq_work_running = false;
  /** Called when a wait cannot finish; must throw (oops). */
  onBlockFailure: (why: BlockFailure, what: string) => never = (why, what) => {
    throw new Error(`${why}: ${what}`);
  };

  constructor(readonly clock: VirtualClock) {
    this.main = new task_struct(1, 'sandbox');
    this.main.onstack = true;
    this.current = this.main;
  }

  /** Arm a one-shot timer `delay` nanoseconds from now. */
  add_timer(delay: number, fn: () => void): TimerHandle {
    const t: Timer = { expires: this.clock.ns + Math.max(0, delay), seq: this.timerSeq++, fn, cancelled: false };
    // keep sorted by (expires, seq); timers are few, insertion sort is fine
    let i = this.timers.length;
    while (i > 0 && (this.timers[i - 1]!.expires > t.expires)) i--;
    this.timers.splice(i, 0, t);
    return {
      cancel: () => {
        if (t.cancelled) return false;
        const idx = this.timers.indexOf(t);
        t.cancelled = true;
        if (idx >= 0) {
          this.timers.splice(idx, 1);
          return true;
        }
        return false;
      },
    };
  }

  /**
   * Run queued irq_work in order (work queued meanwhile runs too). Called by
   * spin_unlock when the task leaves atomic context and at scheduling points.
   * Mirrors `kernel/irq_work.c: irq_work_run, v6.12`.
   */
  irq_work_run(): void {
    if (this.irq_work_running) return;
    this.irq_work_running = true;
    try {
      let w: irq_work_node | null;
      while ((w = this.irq_work_list) !== null) {
        this.irq_work_list = w.__next;
        if (w.__next === null) this.irq_work_last = null;
        w.__next = null;
        w.pending = false;
        (w.func as (w: unknown) => void)(w);
      }
    } finally {
      this.irq_work_running = false;
    }
  }

  /** Number of timers not yet fired. */
  get pendingTimers(): number {
    return this.timers.length;
  }

  /** Start a kthread (`kthread_run`). It first runs when the current task blocks or yields. */
  kthread_run<A>(fn: KthreadFn<A>, arg: A, name: string): task_struct {
    const t = new task_struct(this.nextPid++, name);
    const prev = this.current;
    this.current = t;
    try {
      const r = fn(arg);
      if (typeof r === 'number') {
        t.done = true;
        t.exit_code = r;
      } else {
        t.gen = r;
        this.tasks.push(t);
      }
    } finally {
      this.current = prev;
    }
    return t;
  }

  /** Run one step of a runnable kthread. Returns false if none could run. */
  private stepOne(): boolean {
    if (this.irq_work_list !== null) {
      this.irq_work_run();
      return true;
    }
    const n = this.tasks.length;
    for (let k = 0; k < n; k++) {
      const i = (this.rr + k) % n;
      const t = this.tasks[i]!;
      if (t.done || t.onstack) continue;
      this.rr = i + 1;
      const prev = this.current;
      this.current = t;
      t.onstack = true;
      try {
        const r = t.gen!.next();
        if (r.done) {
          t.done = true;
          t.exit_code = r.value;
        }
      } finally {
        t.onstack = false;
        this.current = prev;
      }
      this.clock.advance(this.stepCost);
      if (t.done) this.tasks.splice(this.tasks.indexOf(t), 1);
      return true;
    }
    return false;
  }

  /** Fire the earliest timer if it expires at or before `deadline`. */
  private fireOne(deadline: number, strict = false): boolean {
    const t = this.timers[0];
    if (!t || t.expires > deadline || (strict && t.expires === deadline)) return false;
    this.timers.shift();
    this.clock.advanceTo(t.expires);
    t.fn();
    return true;
  }

  /**
   * Block the current task until `cond()` is true or `timeout` jiffies pass.
   * Runs other kthreads and fires timers meanwhile; a timer due exactly when the
   * timeout expires fires after the wait has timed out.
   * @param timeout jiffies, or MAX_SCHEDULE_TIMEOUT for no limit.
   * @param intr interruptible: a pending signal ends the wait with -ERESTARTSYS.
   * @param what description for the hung-task report.
   * @returns remaining jiffies (≥ 1) when `cond()` became true, 0 on timeout,
   *   or -ERESTARTSYS (-512) when interrupted.
   */
  wait_until(cond: () => boolean, timeout: number, intr: boolean, what: string): number {
    const cur = this.current;
    const forever = timeout >= MAX_SCHEDULE_TIMEOUT;
    const deadline = forever ? Infinity : this.clock.ns + timeout * this.clock.nsPerJiffy;
    const remaining = (): number =>
      forever ? timeout : Math.max(1, Math.ceil((deadline - this.clock.ns) / this.clock.nsPerJiffy));
    if (cond()) return remaining();
    if (cur.preempt_count > 0) this.onBlockFailure('atomic', what);
    for (;;) {
      if (cond()) return remaining();
      if (intr && cur.sigpending) return -512;
      // busy kthreads consume time too: the timeout also ends a wait while others run
      if (this.clock.ns >= deadline) return cond() ? 1 : 0;
      if (this.stepOne()) continue;
      // a timer due exactly at the timeout loses the race against the timeout
      if (this.fireOne(deadline, true)) continue;
      if (!forever) {
        this.clock.advanceTo(deadline);
        return cond() ? 1 : 0;
      }
      this.onBlockFailure('hung', what);
    }
  }

  /** Sleep the current task for `ns` nanoseconds of virtual time, running others meanwhile. */
  sleep_ns(ns: number): void {
    const deadline = this.clock.ns + ns;
    if (this.current.preempt_count > 0) this.onBlockFailure('atomic', 'msleep');
    for (;;) {
      if (this.clock.ns >= deadline) return;
      if (this.stepOne()) continue;
      if (this.fireOne(deadline)) continue;
      this.clock.advanceTo(deadline);
      return;
    }
  }

  /** `msleep(ms)`: sleep `ms` milliseconds of virtual time. */
  msleep(ms: number): void {
    this.sleep_ns(ms * NSEC_PER_MSEC);
  }

  /** Run every runnable kthread and every pending timer until nothing is left. */
  run_pending(maxNs = Infinity): void {
    const deadline = this.clock.ns + maxNs;
    while (this.stepOne() || this.fireOne(deadline)) {
      /* keep going */
    }
  }

  /** `kthread_stop`: ask `t` to stop, wait for it to finish, return its exit code. */
  kthread_stop(t: task_struct): number {
    t.should_stop = true;
    this.wait_until(() => t.done, MAX_SCHEDULE_TIMEOUT, false, `kthread_stop(${t.comm})`);
    return t.exit_code ?? 0;
  }
}
