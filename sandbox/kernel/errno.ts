/**
 * errno values of the simulated kernel, numbered as in Linux
 * (`include/uapi/asm-generic/errno-base.h`, `errno.h`, `include/linux/errno.h`, v6.12).
 *
 * Model functions return them negated (`-EINVAL`), exactly like the kernel.
 * @module
 */

/** Operation not permitted. */
export const EPERM = 1;
/** No such entry: e.g. dma_fence_add_callback() on a signaled fence. */
export const ENOENT = 2;
/** Interrupted system call. */
export const EINTR = 4;
/** I/O error. */
export const EIO = 5;
/** Bad file descriptor: dma_buf_get() on an fd that is not open. */
export const EBADF = 9;
/** Try again. */
export const EAGAIN = 11;
/** Out of memory. */
export const ENOMEM = 12;
/** Bad address. */
export const EFAULT = 14;
/** Device or resource busy: e.g. a mapping direction conflict on a cached sg_table. */
export const EBUSY = 16;
/** Invalid argument. */
export const EINVAL = 22;
/** Not a typewriter (unknown ioctl). */
export const ENOTTY = 25;
/** Resource deadlock would occur: the wait-die back-off of ww_mutex. */
export const EDEADLK = 35;
/** Timer expired: returned by the selftests' mock wait. */
export const ETIME = 62;
/** Value too large for defined data type. */
export const EOVERFLOW = 75;
/** Operation not supported: e.g. an exporter refusing an importer that cannot do peer-to-peer. */
export const EOPNOTSUPP = 95;
/** Connection timed out. */
export const ETIMEDOUT = 110;
/** Operation already in progress: re-locking a ww_mutex with the same acquire context. */
export const EALREADY = 114;
/** Kernel-internal: restart the system call after a signal. */
export const ERESTARTSYS = 512;
/** Largest errno that ERR_PTR() can encode (`include/linux/err.h`). */
export const MAX_ERRNO = 4095;

/** errno number → symbolic name, for log lines and the editor. */
export const errname: Readonly<Record<number, string>> = Object.freeze({
  [EPERM]: 'EPERM', [ENOENT]: 'ENOENT', [EINTR]: 'EINTR', [EIO]: 'EIO', [EBADF]: 'EBADF',
  [EAGAIN]: 'EAGAIN', [ENOMEM]: 'ENOMEM', [EFAULT]: 'EFAULT', [EBUSY]: 'EBUSY',
  [EINVAL]: 'EINVAL', [ENOTTY]: 'ENOTTY', [EDEADLK]: 'EDEADLK', [ETIME]: 'ETIME',
  [EOVERFLOW]: 'EOVERFLOW', [EOPNOTSUPP]: 'EOPNOTSUPP', [ETIMEDOUT]: 'ETIMEDOUT', [EALREADY]: 'EALREADY',
  [ERESTARTSYS]: 'ERESTARTSYS',
});
