/**
 * Use-after-free and double-free detection, reported KASAN-style
 * (`mm/kasan/report.c`, v6.12), ending the run with an oops.
 *
 * Every model object that the kernel would kfree() carries a `__kfreed` flag.
 * Model entry points call {@link kasan_check} on the objects they touch.
 * @module
 */
import { K } from './current.js';
import { die, symbolize } from './bug.js';

/** Anything the simulated slab allocator can free. */
export interface kobject_freeable {
  /** Set when the object has been freed; touching it afterwards is a use-after-free. */
  __kfreed: boolean;
  /** Function that freed it, for the report. */
  __kfreed_by?: string;
}

function addr(obj: object): string {
  // deterministic fake slab address per object class
  const name = obj.constructor?.name ?? 'object';
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) >>> 0;
  return `ffff8881${(h & 0xffffff).toString(16).padStart(6, '0')}00`;
}

/** Report a use-after-free of `obj` in `func` and oops. Never returns. */
export function kasan_report_uaf(obj: kobject_freeable & object, func: string, access = 'Read of size 8'): never {
  const k = K();
  const t = k.sched.current;
  const cls = obj.constructor?.name ?? 'object';
  const s = `BUG: KASAN: slab-use-after-free in ${symbolize(func)}`;
  return die(
    [
      '==================================================================',
      s,
      `${access} at addr ${addr(obj)} by task ${t.comm}/${t.pid}`,
      `The buggy address belongs to a freed struct ${cls}`,
      `Freed by task ${t.pid}: ${obj.__kfreed_by ?? 'kfree'}`,
      '==================================================================',
    ],
    undefined,
    s,
  );
}

/** Oops with a KASAN report if `obj` has been freed. `func` names the accessing function. */
export function kasan_check(obj: kobject_freeable, func: string): void {
  if (obj.__kfreed) kasan_report_uaf(obj as kobject_freeable & object, func);
}

/**
 * `kfree(obj)`: mark `obj` freed. Freeing twice is reported as
 * `BUG: KASAN: double-free` and oopses.
 */
export function kfree(obj: kobject_freeable | null | undefined, by = 'kfree'): void {
  if (!obj) return;
  if (obj.__kfreed) {
    const s = `BUG: KASAN: double-free in ${symbolize(by)}`;
    die(['==================================================================', s,
      `Free of addr ${addr(obj as object)} by task ${K().sched.current.comm}/${K().sched.current.pid}`,
      `first freed by: ${obj.__kfreed_by ?? 'kfree'}`,
      '=================================================================='], undefined, s);
  }
  obj.__kfreed = true;
  obj.__kfreed_by = by;
}
