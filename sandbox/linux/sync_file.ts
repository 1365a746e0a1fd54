/**
 * `linux/sync_file.h`, `uapi/linux/sync_file.h` and `drivers/dma-buf/sync_file.c`
 * (v6.12): a fence wrapped in a file, so it can cross into user space as an fd
 * (explicit synchronisation) and come back.
 *
 * A sync_file holds one reference to its fence; the file's reference count
 * (the `file` module) decides when it goes: the last fput() releases the file,
 * which drops the fence. Poll reports readable once the fence has signaled.
 * ioctls (through `ksys_ioctl(fd, ...)`): SYNC_IOC_MERGE, SYNC_IOC_FILE_INFO,
 * SYNC_IOC_SET_DEADLINE; the user structs are passed as objects.
 * @module
 */
import { K } from '../kernel/current.js';
import { EFAULT, EINVAL, ENOENT, ENOMEM, ENOTTY } from '../kernel/errno.js';
import { kfree } from '../kernel/kasan.js';
import {
  dma_fence, dma_fence_cb, dma_fence_get, dma_fence_put, dma_fence_add_callback, dma_fence_remove_callback,
  dma_fence_is_signaled, dma_fence_get_status, dma_fence_timestamp, dma_fence_set_deadline,
} from './dma-fence.js';
import { dma_fence_unwrap, dma_fence_unwrap_for_each, dma_fence_unwrap_merge } from './dma-fence-unwrap.js';
import { file, fget, fput, fd_install, get_unused_fd_flags, put_unused_fd, O_CLOEXEC, EPOLLIN, type file_operations } from './file.js';

/** `POLL_ENABLED`: bit of `sync_file.flags` set once poll queued its callback. */
export const POLL_ENABLED = 0;

/** `struct sync_file`: a fence exported as a file. Created by sync_file_create(). */
export class sync_file extends dma_fence_cb {
  /** The file (`f_op` is sync_file_fops); its count is the sync_file's. */
  file: file = null as unknown as file;
  /** Name given by user space at merge (up to 31 characters), or '' to derive one from the fence. */
  user_name = '';
  /** POLL_ENABLED bit. */
  flags = 0;
  /** The fence, with a reference owned by the sync_file. */
  fence: dma_fence | null = null;
  /** The poll callback node (`sync_file->cb`): the sync_file itself. */
  get cb(): dma_fence_cb {
    return this;
  }
  /** Poll wake-ups so far (`wake_up_all(&sync_file->wq)`). */
  wakeups = 0;
  /** @internal */
  __kfreed = false;
  /** @internal */
  __kfreed_by?: string;
}

/** `struct sync_merge_data`: argument of SYNC_IOC_MERGE. */
export class sync_merge_data {
  /** Name of the new sync_file (32 bytes with the NUL). */
  name = '';
  /** fd of the sync_file to merge with. */
  fd2 = -1;
  /** Out: fd of the new sync_file. */
  fence = -1;
  /** Must be 0. */
  flags = 0;
  /** Must be 0. */
  pad = 0;
}

/** `struct sync_fence_info`: one fence of SYNC_IOC_FILE_INFO. */
export class sync_fence_info {
  /** Timeline name. */
  obj_name = '';
  /** Driver name. */
  driver_name = '';
  /** 1 signaled, 0 pending, a negative errno for an error. */
  status = 0;
  /** Unused, 0. */
  flags = 0;
  /** Signal time in virtual ns, 0 while pending. */
  timestamp_ns = 0;
}

/** `struct sync_file_info`: argument of SYNC_IOC_FILE_INFO. */
export class sync_file_info {
  /** Out: name (sync_file_get_name). */
  name = '';
  /** Out: 1 all signaled, 0 pending, negative errno on error. */
  status = 0;
  /** Must be 0. */
  flags = 0;
  /** In: room in `sync_fence_info` (0: just count); out: number of fences. */
  num_fences = 0;
  /** Must be 0. */
  pad = 0;
  /** The user buffer for per-fence info (`__u64` pointer in C); null is a bad address. */
  sync_fence_info: sync_fence_info[] | null = null;
}

/** `struct sync_set_deadline`: argument of SYNC_IOC_SET_DEADLINE. */
export class sync_set_deadline {
  /** Deadline, virtual ns (CLOCK_MONOTONIC in the kernel). */
  deadline_ns = 0;
  /** Must be 0. */
  pad = 0;
}

const _IOC = (dir: number, nr: number, size: number): number => ((dir << 30) | (size << 16) | (0x3e << 8) | nr) >>> 0;
/** `_IOWR('>', 3, struct sync_merge_data)`. */
export const SYNC_IOC_MERGE = _IOC(3, 3, 48);
/** `_IOWR('>', 4, struct sync_file_info)`. */
export const SYNC_IOC_FILE_INFO = _IOC(3, 4, 56);
/** `_IOW('>', 5, struct sync_set_deadline)`. */
export const SYNC_IOC_SET_DEADLINE = _IOC(1, 5, 16);

const sync_file_fops: file_operations = {
  poll: (f) => sync_file_poll(f.private_data as sync_file),
  unlocked_ioctl: (f, cmd, arg) => sync_file_ioctl(f.private_data as sync_file, cmd, arg),
};

function sync_file_alloc(): sync_file {
  const s = new sync_file();
  const f = new file('sync_file');
  f.f_op = sync_file_fops;
  f.private_data = s;
  f.release = () => sync_file_release(s);
  s.file = f;
  return s;
}

function sync_file_release(s: sync_file): void {
  if (s.flags & (1 << POLL_ENABLED)) dma_fence_remove_callback(s.fence!, s.cb);
  dma_fence_put(s.fence);
  kfree(s, 'sync_file_release');
  K().trace.emit('call', 'sync_file_release', 'sync_file', 0);
}

/**
 * Wrap `fence` in a new sync_file (one file reference, no fd yet: install one
 * with get_unused_fd_flags() + fd_install(), or drop it with fput(sync_file.file)).
 * Takes its own reference to `fence`. Returns null only on allocation failure
 * (never in the model). Mirrors `drivers/dma-buf/sync_file.c: sync_file_create, v6.12`.
 */
export function sync_file_create(fence: dma_fence): sync_file | null {
  const s = sync_file_alloc();
  s.fence = dma_fence_get(fence);
  K().trace.emit('call', 'sync_file_create', 'dma_fence', fence.__id, 0);
  return s;
}

function sync_file_fdget(fd: number): sync_file | null {
  const f = fget(fd);
  if (!f) return null;
  if (f.f_op !== sync_file_fops) {
    fput(f);
    return null;
  }
  return f.private_data as sync_file;
}

/**
 * The fence behind sync_file fd `fd`, with a new reference; null when `fd` is
 * not open or is not a sync_file. Mirrors `drivers/dma-buf/sync_file.c: sync_file_get_fence, v6.12`.
 */
export function sync_file_get_fence(fd: number): dma_fence | null {
  const s = sync_file_fdget(fd);
  if (!s) return null;
  const fence = dma_fence_get(s.fence);
  fput(s.file);
  K().trace.emit('call', 'sync_file_get_fence', 'dma_fence', fence ? fence.__id : 0, fence ? 0 : 'NULL');
  return fence;
}

/**
 * The sync_file's name: the user name given at merge, else
 * `driver-timelineCONTEXT-SEQNO` from the fence. Written to `buf.value` truncated
 * to `len - 1` characters (`len` counts the NUL, as snprintf does) and returned.
 * Mirrors `drivers/dma-buf/sync_file.c: sync_file_get_name, v6.12`.
 */
export function sync_file_get_name(s: sync_file, buf: { value: string }, len: number): string {
  let name: string;
  if (s.user_name) name = s.user_name;
  else {
    const f = s.fence!;
    name = `${f.ops.get_driver_name(f)}-${f.ops.get_timeline_name(f)}${f.context}-${f.seqno}`;
  }
  buf.value = len > 0 ? name.slice(0, len - 1) : '';
  return buf.value;
}

function sync_file_merge(name: string, a: sync_file, b: sync_file): sync_file | null {
  const s = sync_file_alloc();
  const fence = dma_fence_unwrap_merge(a.fence, b.fence);
  if (!fence) {
    fput(s.file);
    return null;
  }
  s.fence = fence;
  s.user_name = name.slice(0, 31);
  return s;
}

/** `sync_file_poll`: queue a wake-up callback once; EPOLLIN when the fence has signaled. */
function sync_file_poll(s: sync_file): number {
  if (s.cb.node === null && !(s.flags & (1 << POLL_ENABLED))) {
    s.flags |= 1 << POLL_ENABLED;
    if (dma_fence_add_callback(s.fence!, s.cb, (_f, cb) => (cb as sync_file).wakeups++) < 0) s.wakeups++;
  }
  return dma_fence_is_signaled(s.fence!) ? EPOLLIN : 0;
}

function ioctl_merge(s: sync_file, data: sync_merge_data | null): number {
  const fd = get_unused_fd_flags(O_CLOEXEC);
  if (!data) return (put_unused_fd(fd), -EFAULT);
  if (data.flags || data.pad) return (put_unused_fd(fd), -EINVAL);
  const fence2 = sync_file_fdget(data.fd2);
  if (!fence2) return (put_unused_fd(fd), -ENOENT);
  const fence3 = sync_file_merge(data.name, s, fence2);
  if (!fence3) {
    fput(fence2.file);
    put_unused_fd(fd);
    return -ENOMEM;
  }
  data.fence = fd;
  fd_install(fd, fence3.file);
  fput(fence2.file);
  return 0;
}

function fill_fence_info(fence: dma_fence, info: sync_fence_info): number {
  info.obj_name = fence.ops.get_timeline_name(fence).slice(0, 31);
  info.driver_name = fence.ops.get_driver_name(fence).slice(0, 31);
  info.status = dma_fence_get_status(fence);
  info.timestamp_ns = dma_fence_is_signaled(fence) ? dma_fence_timestamp(fence) : 0;
  return info.status;
}

function ioctl_fence_info(s: sync_file, info: sync_file_info | null): number {
  if (!info) return -EFAULT;
  if (info.flags || info.pad) return -EINVAL;
  const iter = new dma_fence_unwrap();
  let num_fences = 0;
  for (const _f of dma_fence_unwrap_for_each(iter, s.fence)) ++num_fences;
  if (!info.num_fences) info.status = dma_fence_get_status(s.fence!);
  else {
    info.status = 1;
    if (info.num_fences < num_fences) return -EINVAL;
    const out: sync_fence_info[] = [];
    for (const f of dma_fence_unwrap_for_each(iter, s.fence)) {
      const fi = new sync_fence_info();
      const status = fill_fence_info(f, fi);
      out.push(fi);
      info.status = info.status <= 0 ? info.status : status;
    }
    if (!info.sync_fence_info) return -EFAULT;
    info.sync_fence_info.splice(0, out.length, ...out);
  }
  const name = { value: '' };
  sync_file_get_name(s, name, 32);
  info.name = name.value;
  info.num_fences = num_fences;
  return 0;
}

/**
 * The sync_file ioctls: SYNC_IOC_MERGE (new fd in `arg.fence`; -EINVAL for
 * non-zero flags/pad, -ENOENT when `fd2` is not a sync_file), SYNC_IOC_FILE_INFO
 * (-EINVAL for non-zero flags/pad or too small a `num_fences`), SYNC_IOC_SET_DEADLINE
 * (-EINVAL for non-zero pad); -EFAULT for a missing `arg`; -ENOTTY for other commands.
 * Mirrors `drivers/dma-buf/sync_file.c: sync_file_ioctl, v6.12`.
 */
export function sync_file_ioctl(s: sync_file, cmd: number, arg: unknown): number {
  switch (cmd) {
    case SYNC_IOC_MERGE:
      return ioctl_merge(s, arg as sync_merge_data | null);
    case SYNC_IOC_FILE_INFO:
      return ioctl_fence_info(s, arg as sync_file_info | null);
    case SYNC_IOC_SET_DEADLINE: {
      const ts = arg as sync_set_deadline | null;
      if (!ts) return -EFAULT;
      if (ts.pad) return -EINVAL;
      dma_fence_set_deadline(s.fence!, ts.deadline_ns);
      return 0;
    }
    default:
      return -ENOTTY;
  }
}
