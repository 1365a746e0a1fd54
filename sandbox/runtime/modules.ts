/**
 * The modules reader code can import, by the names it imports them with: one per kernel header
 * (`linux/dma-buf`, `linux/dma-fence`, ...) and the sample drivers (`drivers/vram`, ...). This is
 * the sandbox's only API: nothing else of the page or the worker is reachable from a program.
 */
import * as dma_buf from '../linux/dma-buf.ts';
import * as dma_fence from '../linux/dma-fence.ts';
import * as dma_resv from '../linux/dma-resv.ts';
import * as dma_fence_array from '../linux/dma-fence-array.ts';
import * as dma_fence_chain from '../linux/dma-fence-chain.ts';
import * as dma_fence_unwrap from '../linux/dma-fence-unwrap.ts';
import * as sync_file from '../linux/sync_file.ts';
import * as dma_mapping from '../linux/dma-mapping.ts';
import * as scatterlist from '../linux/scatterlist.ts';
import * as iosys_map from '../linux/iosys-map.ts';
import * as device from '../linux/device.ts';
import * as err from '../linux/err.ts';
import * as errno from '../linux/errno.ts';
import * as ww_mutex from '../linux/ww_mutex.ts';
import * as file from '../linux/file.ts';
import * as jiffies from '../linux/jiffies.ts';
import * as system_heap from '../drivers/system-heap.ts';
import * as vram from '../drivers/vram.ts';
import * as importers from '../drivers/importers.ts';
import * as sw_sync from '../drivers/sw_sync.ts';
import * as sim_device from '../drivers/sim-device.ts';

/** Import specifier → module namespace. */
export const SANDBOX_MODULES: Readonly<Record<string, Readonly<Record<string, unknown>>>> = Object.freeze({
  'linux/dma-buf': dma_buf,
  'linux/dma-fence': dma_fence,
  'linux/dma-resv': dma_resv,
  'linux/dma-fence-array': dma_fence_array,
  'linux/dma-fence-chain': dma_fence_chain,
  'linux/dma-fence-unwrap': dma_fence_unwrap,
  'linux/sync_file': sync_file,
  'linux/dma-mapping': dma_mapping,
  'linux/scatterlist': scatterlist,
  'linux/iosys-map': iosys_map,
  'linux/device': device,
  'linux/err': err,
  'linux/errno': errno,
  'linux/ww_mutex': ww_mutex,
  'linux/file': file,
  'linux/jiffies': jiffies,
  'drivers/system-heap': system_heap,
  'drivers/vram': vram,
  'drivers/importers': importers,
  'drivers/sw_sync': sw_sync,
  'drivers/sim-device': sim_device,
});
