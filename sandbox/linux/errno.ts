/**
 * `linux/errno.h`: the errno constants, re-exported from the kernel runtime, and `errname()`
 * of `lib/errname.c`.
 * @module
 */
import { errname as names } from '../kernel/errno.js';

export {
  EPERM, ENOENT, EINTR, EIO, EBADF, EAGAIN, ENOMEM, EFAULT, EBUSY, EINVAL, ENOTTY, EDEADLK,
  ETIME, EOVERFLOW, EOPNOTSUPP, ETIMEDOUT, EALREADY, ERESTARTSYS, MAX_ERRNO,
} from '../kernel/errno.js';

/**
 * The symbolic name of an errno: `errname(-EBUSY)` is `"-EBUSY"`, `errname(EBUSY)` is
 * `"EBUSY"`; null for a number that is not a known errno (0 included).
 * Mirrors `lib/errname.c: errname, v6.12` (what `%pe` prints).
 */
export function errname(err: number): string | null {
  const name = names[err < 0 ? -err : err];
  if (!name) return null;
  return err < 0 ? `-${name}` : name;
}
