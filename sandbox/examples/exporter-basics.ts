/**
 * Exporter basics: export, fd, get, put, release
 *
 * A minimal exporter: a dma_buf_ops with the three required callbacks, exported with
 * DEFINE_DMA_BUF_EXPORT_INFO and dma_buf_export(). The buffer's references are its file's:
 * dma_buf_fd() moves ours into an fd, dma_buf_get() takes one for an importer, and the last
 * put (here, closing the fd) makes the core call our release().
 */
import {
  DEFINE_DMA_BUF_EXPORT_INFO, dma_buf_export, dma_buf_fd, dma_buf_get, dma_buf_put, dma_buf_refcount,
  type dma_buf, type dma_buf_attachment, type dma_buf_ops,
} from 'linux/dma-buf';
import { dma_map_sgtable, dma_unmap_sgtable, type dma_data_direction } from 'linux/dma-mapping';
import { sg_table, sg_alloc_table, sg_set_page, sg_free_table } from 'linux/scatterlist';
import { PAGE_SIZE } from 'linux/device';
import { ERR_PTR, IS_ERR, PTR_ERR } from 'linux/err';
import { ENOMEM } from 'linux/errno';
import { O_CLOEXEC, O_RDWR, close_fd } from 'linux/file';

/** Our driver's buffer: some pages of system memory. */
interface my_buffer {
  pfn: number;
  npages: number;
  freed: boolean;
}

const my_dmabuf_ops: dma_buf_ops = {
  map_dma_buf(attach: dma_buf_attachment, dir: dma_data_direction) {
    const buf = attach.dmabuf.priv as my_buffer;
    const sgt = new sg_table();
    if (sg_alloc_table(sgt, 1)) return ERR_PTR(-ENOMEM);
    sg_set_page(sgt.sgl[0], buf.pfn, buf.npages * PAGE_SIZE, 0);
    dma_map_sgtable(attach.dev!, sgt, dir, 0);
    return sgt;
  },
  unmap_dma_buf(attach, sgt, dir) {
    dma_unmap_sgtable(attach.dev!, sgt, dir, 0);
    sg_free_table(sgt);
  },
  release(dmabuf: dma_buf) {
    const buf = dmabuf.priv as my_buffer;
    buf.freed = true;
    console.log(`release(): freeing ${buf.npages} pages at pfn 0x${buf.pfn.toString(16)}`);
  },
};

const mine: my_buffer = { pfn: 0x4200, npages: 4, freed: false };
const exp_info = DEFINE_DMA_BUF_EXPORT_INFO('my_exporter');
exp_info.ops = my_dmabuf_ops;
exp_info.size = mine.npages * PAGE_SIZE;
exp_info.flags = O_RDWR | O_CLOEXEC;
exp_info.priv = mine;

const dmabuf = dma_buf_export(exp_info);
if (IS_ERR(dmabuf)) throw new Error(`dma_buf_export failed: ${PTR_ERR(dmabuf)}`);
console.log(`exported ${dmabuf.size} bytes, refs=${dma_buf_refcount(dmabuf)}`);

const fd = dma_buf_fd(dmabuf, O_CLOEXEC); // our reference now belongs to the fd
console.log(`fd=${fd}, refs=${dma_buf_refcount(dmabuf)}`);

const imported = dma_buf_get(fd); // what an importer does with an fd from user space: +1
if (IS_ERR(imported)) throw new Error(`dma_buf_get failed: ${PTR_ERR(imported)}`);
console.log(`dma_buf_get(${fd}) is the same buffer: ${imported === dmabuf}, refs=${dma_buf_refcount(dmabuf)}`);
dma_buf_put(imported);
console.log(`after dma_buf_put: refs=${dma_buf_refcount(dmabuf)}`);

close_fd(fd); // the last reference goes: the core calls release()
console.log(`freed: ${mine.freed}`);
