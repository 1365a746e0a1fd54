import { describe, it, expect, beforeEach } from 'vitest';
import { boot, type Kernel } from '../kernel/kernel.js';
import { dma_fence, dma_fence_init, dma_fence_context_alloc, dma_fence_signal, dma_fence_put, dma_fence_set_error, spinlock_t } from './dma-fence.js';
import {
  sync_file_create, sync_file_get_fence, sync_file_get_name, sync_merge_data, sync_file_info, sync_fence_info,
  SYNC_IOC_MERGE, SYNC_IOC_FILE_INFO, SYNC_IOC_SET_DEADLINE, sync_set_deadline,
} from './sync_file.js';
import { dma_fence_array } from './dma-fence-array.js';
import { get_unused_fd_flags, fd_install, close_fd, ksys_ioctl, vfs_poll_fd, nr_open_fds, O_CLOEXEC, EPOLLIN } from './file.js';
import { EINVAL, ENOENT, ENOTTY, EBADF, EIO } from './errno.js';

let k: Kernel;
beforeEach(() => {
  k = boot();
});

const ops = { get_driver_name: () => 'drv', get_timeline_name: () => 'tl' };
function fence(seqno = 1, ctx = dma_fence_context_alloc(1)): dma_fence {
  const f = new dma_fence();
  dma_fence_init(f, ops, new spinlock_t(), ctx, seqno);
  return f;
}
function fd_of(f: dma_fence): number {
  const s = sync_file_create(f)!;
  const fd = get_unused_fd_flags(O_CLOEXEC);
  fd_install(fd, s.file);
  return fd;
}

describe('sync_file', () => {
  it('create takes a fence reference; closing the fd drops it', () => {
    const f = fence();
    const fd = fd_of(f);
    expect(f.refcount).toBe(2);
    const g = sync_file_get_fence(fd);
    expect(g).toBe(f);
    expect(f.refcount).toBe(3);
    dma_fence_put(g);
    expect(close_fd(fd)).toBe(0);
    expect(f.refcount).toBe(1);
    expect(sync_file_get_fence(fd)).toBeNull();
    dma_fence_put(f);
    expect(nr_open_fds()).toBe(0);
  });

  it('get_name: driver-timelineCONTEXT-SEQNO, truncated like snprintf', () => {
    const f = fence(7, 42);
    const s = sync_file_create(f)!;
    const buf = { value: '' };
    expect(sync_file_get_name(s, buf, 32)).toBe('drv-tl42-7');
    expect(sync_file_get_name(s, buf, 4)).toBe('drv');
  });

  it('poll is readable once the fence signals; errors show in FILE_INFO', () => {
    const f = fence();
    const fd = fd_of(f);
    expect(vfs_poll_fd(fd)).toBe(0);
    dma_fence_set_error(f, -EIO);
    dma_fence_signal(f);
    expect(vfs_poll_fd(fd)).toBe(EPOLLIN);
    const info = new sync_file_info();
    info.num_fences = 1;
    info.sync_fence_info = [new sync_fence_info()];
    expect(ksys_ioctl(fd, SYNC_IOC_FILE_INFO, info)).toBe(0);
    expect(info.status).toBe(-EIO);
    expect(info.sync_fence_info[0]).toMatchObject({ driver_name: 'drv', obj_name: 'tl', status: -EIO });
  });

  it('MERGE: a new fd whose fence is an array of both; -ENOENT for a non-sync_file fd2', () => {
    const a = fence();
    const b = fence();
    const fa = fd_of(a);
    const fb = fd_of(b);
    const data = new sync_merge_data();
    data.name = 'merged';
    data.fd2 = fb;
    expect(ksys_ioctl(fa, SYNC_IOC_MERGE, data)).toBe(0);
    const m = sync_file_get_fence(data.fence)!;
    expect(m).toBeInstanceOf(dma_fence_array);
    const info = new sync_file_info();
    expect(ksys_ioctl(data.fence, SYNC_IOC_FILE_INFO, info)).toBe(0);
    expect(info).toMatchObject({ name: 'merged', num_fences: 2, status: 0 });
    data.fd2 = 99;
    expect(ksys_ioctl(fa, SYNC_IOC_MERGE, data)).toBe(-ENOENT);
    data.flags = 1;
    expect(ksys_ioctl(fa, SYNC_IOC_MERGE, data)).toBe(-EINVAL);
    const dl = new sync_set_deadline();
    dl.pad = 1;
    expect(ksys_ioctl(fa, SYNC_IOC_SET_DEADLINE, dl)).toBe(-EINVAL);
    expect(ksys_ioctl(fa, 0x1234, null)).toBe(-ENOTTY);
    expect(ksys_ioctl(77, SYNC_IOC_MERGE, data)).toBe(-EBADF);
    dma_fence_put(m);
    expect(k.oops).toBeUndefined();
  });
});
