/**
 * `linux/err.h`: error pointers, re-exported from the kernel runtime.
 * @module
 */
export { ERR_PTR, IS_ERR, IS_ERR_OR_NULL, PTR_ERR, PTR_ERR_OR_ZERO, ERR_CAST, ErrPtr } from '../kernel/err.js';
