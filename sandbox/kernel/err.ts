/**
 * Error pointers, mirroring `include/linux/err.h` (v6.12).
 *
 * A pointer-returning kernel call returns either the object or an encoded
 * negative errno. Here the encoded value is an interned {@link ErrPtr} object:
 * one instance per errno, so `ERR_PTR(-EINVAL) === ERR_PTR(-EINVAL)` and
 * encoding never allocates after the first use.
 * @module
 */
import { MAX_ERRNO } from './errno.js';

/** An encoded errno in pointer position. Test with {@link IS_ERR}, decode with {@link PTR_ERR}. */
export class ErrPtr {
  /** @internal */
  constructor(
    /** The negative errno this pointer encodes, e.g. `-22` for `-EINVAL`. */
    readonly err: number,
  ) {}
  toString(): string {
    return `ERR_PTR(${this.err})`;
  }
}

const interned = new Map<number, ErrPtr>();

/**
 * Encode a negative errno as a pointer value. `include/linux/err.h: ERR_PTR, v6.12`.
 * @param error negative errno in `[-MAX_ERRNO, -1]`; other values are still encoded
 *   (the kernel would produce a pointer that IS_ERR() does not recognise).
 */
export function ERR_PTR(error: number): ErrPtr {
  let p = interned.get(error);
  if (!p) {
    p = new ErrPtr(error);
    interned.set(error, p);
  }
  return p;
}

/** True when `ptr` encodes an errno. `include/linux/err.h: IS_ERR, v6.12`. */
export function IS_ERR(ptr: unknown): ptr is ErrPtr {
  return ptr instanceof ErrPtr && ptr.err >= -MAX_ERRNO && ptr.err < 0;
}

/** True when `ptr` is NULL or encodes an errno. `include/linux/err.h: IS_ERR_OR_NULL, v6.12`. */
export function IS_ERR_OR_NULL(ptr: unknown): ptr is ErrPtr | null | undefined {
  return ptr === null || ptr === undefined || IS_ERR(ptr);
}

/** The negative errno encoded in `ptr`. `include/linux/err.h: PTR_ERR, v6.12`. Returns 0 for a valid object. */
export function PTR_ERR(ptr: unknown): number {
  return ptr instanceof ErrPtr ? ptr.err : 0;
}

/** `PTR_ERR(ptr)` if it encodes an errno, else 0. `include/linux/err.h: PTR_ERR_OR_ZERO, v6.12`. */
export function PTR_ERR_OR_ZERO(ptr: unknown): number {
  return IS_ERR(ptr) ? ptr.err : 0;
}

/** Re-type an error pointer. `include/linux/err.h: ERR_CAST, v6.12`. */
export function ERR_CAST(ptr: ErrPtr): ErrPtr {
  return ptr;
}
