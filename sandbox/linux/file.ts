/**
 * `linux/file.h` / `linux/fs.h`, reduced: files with a reference count and a
 * per-kernel fd table, enough for dma-buf fds and sync_file fds.
 * @module
 */
import { K } from '../kernel/current.js';
import { EBADF, ENOTTY } from '../kernel/errno.js';
import { refcount_underflow } from '../kernel/refcount.js';
import { kasan_check } from '../kernel/kasan.js';

/** `O_CLOEXEC` (only recorded). */
export const O_CLOEXEC = 0o2000000;
/** `O_RDWR`. */
export const O_RDWR = 0o2;
/** `O_ACCMODE`. */
export const O_ACCMODE = 0o3;
/** `O_NONBLOCK`. */
export const O_NONBLOCK = 0o4000;

/** Which kind of file this is (`f_op` identity). */
export type file_kind = 'dma_buf' | 'sync_file' | 'other';

/** `struct file_operations`, reduced to the entries the model's files use. */
export interface file_operations {
  /** `unlocked_ioctl`: returns 0 (or a positive value) or a negative errno. */
  unlocked_ioctl?(f: file, cmd: number, arg: unknown): number;
  /** `poll`: the ready mask (EPOLLIN ...), 0 when not ready. */
  poll?(f: file): number;
}

/** `EPOLLIN`: readable (for a sync_file: its fence has signaled). */
export const EPOLLIN = 0x1;

/** `struct file`. */
export class file {
  /** File operations (ioctl, poll), or null. */
  f_op: file_operations | null = null;
  /** Reference count (`f_count`). */
  f_count = 1;
  /** Open flags. */
  f_flags = 0;
  /** The object behind the file (dma_buf, sync_file). */
  private_data: unknown = null;
  /** Called when the last reference goes (`f_op->release` and the dentry release). */
  release: ((f: file) => void) | null = null;
  /** Called after a put that leaves references (`remaining` > 0), for traces. */
  put_hook: ((remaining: number) => void) | null = null;
  /** @internal */
  __kfreed = false;
  constructor(
    /** The file type (`f_op`). */
    readonly kind: file_kind,
  ) {}
}

interface FdTable {
  fds: (file | null)[];
}
const FDT = Symbol('fdtable');
function fdt(): FdTable {
  return K().subsys(FDT, () => ({ fds: [null, null, null] }));
}

/** `get_file(f)`: +1. */
export function get_file(f: file): file {
  kasan_check(f, 'get_file');
  f.f_count++;
  return f;
}

/** `fput(f)`: -1; at 0 the file is released. Below 0 is a refcount underflow (oops). */
export function fput(f: file): void {
  kasan_check(f, 'fput');
  if (f.f_count <= 0) refcount_underflow('fput');
  if (--f.f_count === 0) {
    f.__kfreed = true;
    f.release?.(f);
  } else f.put_hook?.(f.f_count);
}

/** `get_unused_fd_flags(flags)`: lowest free fd ≥ 3. */
export function get_unused_fd_flags(_flags: number): number {
  const t = fdt();
  for (let i = 3; i < t.fds.length; i++) if (t.fds[i] === null) return i;
  t.fds.push(null);
  return t.fds.length - 1;
}

/** `fd_install(fd, f)`: publish `f` at `fd`; the caller's reference moves into the table. */
export function fd_install(fd: number, f: file): void {
  fdt().fds[fd] = f;
}

/** `fget(fd)`: the file at `fd` with +1, or null. */
export function fget(fd: number): file | null {
  const f = fd >= 0 ? fdt().fds[fd] ?? null : null;
  if (!f) return null;
  f.f_count++;
  return f;
}

/** `close_fd(fd)` (the close(2) syscall): drop the table's reference. Returns 0 or -EBADF. */
export function close_fd(fd: number): number {
  const t = fdt();
  const f = fd >= 0 ? t.fds[fd] ?? null : null;
  if (!f) return -EBADF;
  t.fds[fd] = null;
  fput(f);
  return 0;
}

/** Number of open fds (for leak checks). */
export function nr_open_fds(): number {
  return fdt().fds.filter((f) => f !== null).length;
}

/** `put_unused_fd(fd)`: give back an fd from get_unused_fd_flags() that was never installed (no-op in the model). */
export function put_unused_fd(_fd: number): void {}

/**
 * The ioctl(2) syscall on `fd`: `f_op.unlocked_ioctl(file, cmd, arg)`, with the
 * file held for the call. -EBADF for a closed fd, -ENOTTY when the file has no ioctl.
 * Mirrors `fs/ioctl.c: SYSCALL_DEFINE3(ioctl), v6.12` (`arg` is the user struct itself).
 */
export function ksys_ioctl(fd: number, cmd: number, arg: unknown): number {
  const f = fget(fd);
  if (!f) return -EBADF;
  const r = f.f_op?.unlocked_ioctl ? f.f_op.unlocked_ioctl(f, cmd, arg) : -ENOTTY;
  fput(f);
  return r;
}

/** poll(2) on one fd: the file's ready mask; -EBADF for a closed fd, 0 for a file without poll. Mirrors `fs/select.c: do_pollfd, v6.12`. */
export function vfs_poll_fd(fd: number): number {
  const f = fget(fd);
  if (!f) return -EBADF;
  const r = f.f_op?.poll ? f.f_op.poll(f) : 0;
  fput(f);
  return r;
}
