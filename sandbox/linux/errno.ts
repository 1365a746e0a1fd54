/**
 * `linux/errno.h`: the errno constants, re-exported from the kernel runtime.
 * @module
 */
export {
  EPERM, ENOENT, EINTR, EIO, EBADF, EAGAIN, ENOMEM, EFAULT, EBUSY, EINVAL, ENOTTY, EDEADLK,
  ETIME, EOVERFLOW, ETIMEDOUT, EALREADY, ERESTARTSYS, MAX_ERRNO,
} from '../kernel/errno.js';
