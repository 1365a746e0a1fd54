/**
 * Lifecycle machine of a `struct dma_buf` (v6.12 semantics), XState v5.
 *
 * Top level: `live` → `released` (the last file reference dropped:
 * dma_buf_ops.release ran). `live` has three independent regions, as the
 * kernel keeps independent state for them:
 * - `refs`: `exported` (references held by kernel code only) → `shared`
 *   (published through an fd by dma_buf_fd); `context.refs` counts the file
 *   references (get +1, put -1, release at the last one);
 * - `vmap`: `unmapped` ⇄ `mapped` (`context.vmaps` counts dma_buf_vmap users;
 *   releasing with a vmap outstanding is a BUG, so `release` needs 0);
 * - `cpu`: `idle` ⇄ `accessing` (`context.cpu` counts begin_cpu_access calls
 *   not yet ended).
 * Event types are the model's trace vocabulary (DMA_BUF_EVENTS); the machine
 * starts after `export`.
 * @module
 */
import { setup, assign } from 'xstate';
import type { DmaBufEvent } from '../linux/trace-events.js';

/** Machine events: the dma_buf lifecycle events of the trace, minus `export`. */
export type DmaBufMachineEvent = { type: Exclude<DmaBufEvent, 'export'> };

/** Context: file references, active vmaps, open CPU-access sections. */
export interface DmaBufMachineContext {
  refs: number;
  vmaps: number;
  cpu: number;
}

/** The dma_buf lifecycle machine. */
export const dmaBufMachine = setup({
  types: { context: {} as DmaBufMachineContext, events: {} as DmaBufMachineEvent },
  guards: {
    lastRef: ({ context }) => context.refs === 1 && context.vmaps === 0,
    moreRefs: ({ context }) => context.refs > 1,
    oneVmap: ({ context }) => context.vmaps === 1,
    moreVmaps: ({ context }) => context.vmaps > 1,
    oneCpu: ({ context }) => context.cpu === 1,
    moreCpu: ({ context }) => context.cpu > 1,
  },
}).createMachine({
  id: 'dma_buf',
  context: { refs: 1, vmaps: 0, cpu: 0 },
  initial: 'live',
  states: {
    live: {
      type: 'parallel',
      on: {
        get: { actions: assign({ refs: ({ context }) => context.refs + 1 }) },
        put: { guard: 'moreRefs', actions: assign({ refs: ({ context }) => context.refs - 1 }) },
        release: { guard: 'lastRef', target: 'released', actions: assign({ refs: 0 }) },
      },
      states: {
        refs: {
          initial: 'exported',
          states: {
            exported: { on: { fd: 'shared' } },
            shared: { on: { fd: 'shared' } },
          },
        },
        vmap: {
          initial: 'unmapped',
          states: {
            unmapped: { on: { vmap: { target: 'mapped', actions: assign({ vmaps: 1 }) } } },
            mapped: {
              on: {
                vmap_get: { actions: assign({ vmaps: ({ context }) => context.vmaps + 1 }) },
                vunmap_put: { guard: 'moreVmaps', actions: assign({ vmaps: ({ context }) => context.vmaps - 1 }) },
                vunmap: { guard: 'oneVmap', target: 'unmapped', actions: assign({ vmaps: 0 }) },
              },
            },
          },
        },
        cpu: {
          initial: 'idle',
          states: {
            idle: { on: { begin_cpu_access: { target: 'accessing', actions: assign({ cpu: 1 }) } } },
            accessing: {
              on: {
                begin_cpu_access: { actions: assign({ cpu: ({ context }) => context.cpu + 1 }) },
                end_cpu_access: [
                  { guard: 'moreCpu', actions: assign({ cpu: ({ context }) => context.cpu - 1 }) },
                  { guard: 'oneCpu', target: 'idle', actions: assign({ cpu: 0 }) },
                ],
              },
            },
          },
        },
      },
    },
    released: { type: 'final' },
  },
});
