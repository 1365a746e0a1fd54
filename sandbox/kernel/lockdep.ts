/**
 * Lock-rule checks reported the way lockdep would (`kernel/locking/lockdep.c`,
 * `include/linux/lockdep.h`, `kernel/sched/core.c: __might_sleep`, v6.12).
 *
 * The model always checks, as if CONFIG_PROVE_LOCKING were on, because a
 * learner's mistake should be visible even where a production kernel is silent.
 * Reports that describe a real hang (recursive locking) end the run with an
 * oops; the others are printed and execution continues, as in the kernel.
 * @module
 */
import { K } from './current.js';
import { KERN_WARNING } from './printk.js';
import { die, symbolize, warn_report, type Site } from './bug.js';
import type { task_struct } from './sched.js';

/** Anything lockdep tracks. */
export interface lockdep_map {
  /** Lock class name as lockdep prints it, e.g. `reservation_ww_class_mutex`. */
  readonly name: string;
}

const rule_hints: string[] = [];

/**
 * Say which rule applies while `fn` runs (e.g. "dma_buf_ops.pin() is called with
 * the reservation lock held"); a recursive-locking report inside names it.
 */
export function lockdep_with_rule<T>(rule: string, fn: () => T): T {
  rule_hints.push(rule);
  try {
    return fn();
  } finally {
    rule_hints.pop();
  }
}

/** Record that `task` (default: the current task) acquired `lock`. */
export function lock_acquired(lock: lockdep_map, task?: task_struct): void {
  (task ?? K().sched.current).held_locks.push(lock);
}

/** Record that the current task released `lock`. */
export function lock_released(lock: lockdep_map, task?: task_struct): void {
  const held = (task ?? K().sched.current).held_locks;
  const last = held.length - 1;
  if (last >= 0 && held[last] === lock) {
    held.pop();
    return;
  }
  for (let i = last; i >= 0; i--) {
    if (held[i] === lock) {
      held.splice(i, 1);
      return;
    }
  }
}

/** True when the current task holds `lock` (`lockdep_is_held`). */
export function lockdep_is_held(lock: lockdep_map): boolean {
  const held = K().sched.current.held_locks;
  for (let i = held.length - 1; i >= 0; i--) if (held[i] === lock) return true;
  return false;
}

function heldList(t: task_struct): string[] {
  const out = [`${t.held_locks.length} lock${t.held_locks.length === 1 ? '' : 's'} held by ${t.comm}/${t.pid}:`];
  t.held_locks.forEach((h, i) => out.push(` #${i}: (${h.name})`));
  return out;
}

/**
 * `lockdep_assert_held(lock)`: when the current task does not hold `lock`, print
 * the WARNING of `site` and, if given, the rule that was broken. Continues.
 */
export function lockdep_assert_held(lock: lockdep_map, site: Site, rule?: string): boolean {
  if (lockdep_is_held(lock)) return true;
  warn_report(site, rule ? `lockdep: ${lock.name} not held; rule: ${rule}` : `lockdep: ${lock.name} not held`);
  return false;
}

/**
 * Report "possible recursive locking detected": the current task tries to take a
 * lock it already holds. A real machine would hang here, so the run ends (oops).
 */
export function lockdep_recursive(lock: lockdep_map, func: string, rule?: string): never {
  const t = K().sched.current;
  rule ??= rule_hints[rule_hints.length - 1];
  const lines = [
    '============================================',
    'WARNING: possible recursive locking detected',
    '6.12.0-model #1 Not tainted',
    '--------------------------------------------',
    `${t.comm}/${t.pid} is trying to acquire lock:`,
    `  (${lock.name}), at: ${symbolize(func)}`,
    '',
    'but task is already holding lock:',
    `  (${lock.name})`,
  ];
  if (rule) lines.push('', `rule: ${rule}`);
  lines.push('', ' *** DEADLOCK ***', '', ...heldList(t));
  return die(lines, undefined, `possible recursive locking detected: ${lock.name} in ${func}`);
}

/**
 * A call-site rule of a locking convention was broken (for example an importer
 * called a function that takes the reservation lock while holding it, or one
 * that needs it without it). Prints a lockdep-style report naming the rule and
 * continues; what happens next (a deadlock, a race) is up to the caller.
 */
export function lock_rule_report(func: string, rule: string, lock: lockdep_map, held: boolean): void {
  const k = K();
  const t = k.sched.current;
  const lines = [
    '=====================================================',
    'WARNING: dma-buf locking convention violated',
    '6.12.0-model #1 ' + (k.taint ? `Tainted: G ${k.taint}` : 'Not tainted'),
    '-----------------------------------------------------',
    `${t.comm}/${t.pid} called ${func}() ${held ? 'while holding' : 'without holding'} (${lock.name})`,
    `rule: ${rule}`,
    '',
    ...heldList(t),
  ];
  k.printk(KERN_WARNING, lines.join('\n'));
}

/**
 * `might_sleep()` / `__might_sleep`: calling a function that may sleep from
 * atomic context (a spinlock held, e.g. inside a dma_fence callback) prints
 * `BUG: sleeping function called from invalid context`. Continues.
 */
export function might_sleep(site: Site): void {
  const k = K();
  const t = k.sched.current;
  if (t.preempt_count === 0) return;
  k.printk(
    3,
    [
      `BUG: sleeping function called from invalid context at ${site[0]}:${site[1]}`,
      `in_atomic(): 1, irqs_disabled(): 1, non_block: 0, pid: ${t.pid}, name: ${t.comm}`,
      `preempt_count: ${t.preempt_count}, expected: 0`,
      ...heldList(t),
      `Call Trace: ${symbolize(site[2], site[1])}`,
    ].join('\n'),
  );
  if (!k.taint.includes('W')) k.taint += 'W';
}

/**
 * `might_lock(lock)`: the function may take `lock`; calling it while already
 * holding it is a deadlock waiting to happen. Prints a recursive-locking style
 * report naming the rule, and continues (the function may not actually lock).
 */
export function might_lock(lock: lockdep_map, func: string, rule: string): void {
  if (lockdep_is_held(lock)) lock_rule_report(func, rule, lock, true);
}
