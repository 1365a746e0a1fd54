/**
 * Peer-to-peer: refused and accepted
 *
 * An exporter of device memory that the CPU cannot back with struct pages (think of a PCI BAR)
 * can only be mapped by importers that accept peer-to-peer addresses. The importer says so with
 * dma_buf_attach_ops.allow_peer2peer; the core copies it to attach->peer2peer before calling the
 * exporter's attach(), which clears it when the two devices cannot reach each other (the job of
 * pci_p2pdma_distance() in a real driver) and refuses the attachment then. A static importer,
 * a p2p importer behind the wrong bridge and a p2p importer that can reach the BAR try in turn.
 */
import {
  DEFINE_DMA_BUF_EXPORT_INFO, dma_buf_export, dma_buf_dynamic_attach, dma_buf_attach, dma_buf_detach,
  dma_buf_map_attachment_unlocked, dma_buf_unmap_attachment_unlocked, dma_buf_put,
  type dma_buf, type dma_buf_attachment, type dma_buf_ops, type dma_buf_attach_ops,
} from 'linux/dma-buf';
import { DMA_BIDIRECTIONAL, type dma_data_direction } from 'linux/dma-mapping';
import { sg_table, sg_alloc_table, sg_set_page, sg_free_table, sg_dma_address } from 'linux/scatterlist';
import { device, dev_name, PAGE_SIZE } from 'linux/device';
import { ERR_PTR, IS_ERR, PTR_ERR } from 'linux/err';
import { ENOMEM, EOPNOTSUPP, errname } from 'linux/errno';

const hex = (n: number) => `0x${n.toString(16)}`;

/** The exporting device and the BAR window it exports. */
const exporter_dev = new device('accel0', { p2p: true });
const BAR_BUS_ADDR = 0xf8_0000_0000;

const bar_dmabuf_ops: dma_buf_ops = {
  attach(dmabuf: dma_buf, attach: dma_buf_attachment) {
    if (attach.peer2peer && !(attach.dev!.p2p_capable && exporter_dev.p2p_capable)) attach.peer2peer = false;
    if (!attach.peer2peer) return -EOPNOTSUPP; // no struct pages to fall back on
    return 0;
  },
  map_dma_buf(attach: dma_buf_attachment, dir: dma_data_direction) {
    const sgt = new sg_table();
    if (sg_alloc_table(sgt, 1)) return ERR_PTR(-ENOMEM);
    sg_set_page(sgt.sgl[0], 0, attach.dmabuf.size, 0);
    sgt.sgl[0].dma_address = BAR_BUS_ADDR; // a bus address, not an IOMMU mapping of RAM
    sgt.sgl[0].dma_length = attach.dmabuf.size;
    void dir;
    return sgt;
  },
  unmap_dma_buf(attach, sgt) {
    sg_free_table(sgt);
  },
  release() {},
};

const exp_info = DEFINE_DMA_BUF_EXPORT_INFO('bar_exporter');
exp_info.ops = bar_dmabuf_ops;
exp_info.size = 16 * PAGE_SIZE;
exp_info.priv = exporter_dev;
const dmabuf = dma_buf_export(exp_info);
if (IS_ERR(dmabuf)) throw new Error(`dma_buf_export: ${PTR_ERR(dmabuf)}`);

// 1. A static importer never accepts peer-to-peer addresses.
const display = dma_buf_attach(dmabuf, new device('display0'));
console.log(`display0 (static): ${IS_ERR(display) ? errname(PTR_ERR(display)) : 'attached'}`);

// 2. A p2p importer whose bus path to accel0 does not allow it.
const p2p_ops: dma_buf_attach_ops = {
  allow_peer2peer: true,
  move_notify() {},
};
const far = dma_buf_dynamic_attach(dmabuf, new device('nic0', { p2p: false }), p2p_ops, null);
console.log(`nic0 (p2p importer, no p2p path): ${IS_ERR(far) ? errname(PTR_ERR(far)) : 'attached'}`);

// 3. A p2p importer that can reach the BAR.
const gpu = new device('gpu1', { p2p: true });
const attach = dma_buf_dynamic_attach(dmabuf, gpu, p2p_ops, null);
if (IS_ERR(attach)) throw new Error(`dma_buf_dynamic_attach: ${errname(PTR_ERR(attach))}`);
console.log(`${dev_name(gpu)} (p2p importer): attached, peer2peer=${attach.peer2peer}`);
const sgt = dma_buf_map_attachment_unlocked(attach, DMA_BIDIRECTIONAL);
if (IS_ERR(sgt)) throw new Error(`dma_buf_map_attachment_unlocked: ${errname(PTR_ERR(sgt))}`);
console.log(`${dev_name(gpu)} DMAs straight to the BAR at ${hex(sg_dma_address(sgt.sgl[0]))}`);
dma_buf_unmap_attachment_unlocked(attach, sgt, DMA_BIDIRECTIONAL);
dma_buf_detach(dmabuf, attach);
dma_buf_put(dmabuf);
