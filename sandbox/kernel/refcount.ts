/**
 * Reference counts: `refcount_t` and `struct kref`, mirroring
 * `include/linux/refcount.h`, `lib/refcount.c` and `include/linux/kref.h` (v6.12).
 *
 * Incrementing from 0 and decrementing below 0 print the refcount warning of
 * `refcount_warn_saturate` and then end the run with an oops (the model treats
 * them as the use-after-free they indicate).
 * @module
 */
import { warn_report, die } from './bug.js';

/** `struct kref`: a reference count whose last put calls a release function. */
export class kref {
  /** Current count (`refcount_t refcount`). */
  refcount = 1;
}

function saturate(what: 'addition on 0' | 'underflow', func: string): never {
  const msg = `refcount_t: ${what}; use-after-free.`;
  warn_report(['lib/refcount.c', what === 'underflow' ? 28 : 25, 'refcount_warn_saturate'], msg);
  return die([msg, `called from ${func}`], ['lib/refcount.c', 28, 'refcount_warn_saturate'], msg);
}

/** `kref_init`: set the count to 1. */
export function kref_init(k: kref): void {
  k.refcount = 1;
}

/** `kref_read`: the current count. */
export function kref_read(k: kref): number {
  return k.refcount;
}

/** `kref_get`: +1. From 0 it reports `refcount_t: addition on 0; use-after-free.` and oopses. */
export function kref_get(k: kref, func = 'kref_get'): void {
  if (k.refcount === 0) saturate('addition on 0', func);
  k.refcount++;
}

/** `kref_get_unless_zero`: +1 unless the count is 0. Returns true if a reference was taken. */
export function kref_get_unless_zero(k: kref): boolean {
  if (k.refcount === 0) return false;
  k.refcount++;
  return true;
}

/**
 * `kref_put`: -1; at 0 calls `release`. Returns 1 if released, else 0.
 * Below 0 it reports `refcount_t: underflow; use-after-free.` and oopses.
 */
export function kref_put<T extends kref>(k: T, release: (k: T) => void, func = 'kref_put'): number {
  if (k.refcount <= 0) saturate('underflow', func);
  if (--k.refcount === 0) {
    release(k);
    return 1;
  }
  return 0;
}

/** Report a refcount underflow from `func` (for counts that are not krefs, e.g. file counts). */
export function refcount_underflow(func: string): never {
  return saturate('underflow', func);
}
