/**
 * Lifecycle machine of a `struct dma_buf_attachment` (v6.12 semantics), XState v5.
 *
 * Top level: `attached` → `detached` (dma_buf_detach freed it). `attached` has
 * two independent regions:
 * - `pin`: `unpinned` ⇄ `pinned` (`context.pins` counts exporter pins held for
 *   this attachment: dma_buf_pin by a dynamic importer, the pin a static
 *   importer gets at attach from a dynamic exporter, or the pin of each map of
 *   a dynamic importer when CONFIG_DMABUF_MOVE_NOTIFY is off);
 * - `mapping`: `unmapped` → `mapped` → `invalidated` (move_notify reached a
 *   dynamic importer holding mappings; they must be unmapped and re-made).
 *   `context.maps` counts mappings the importer owns; `context.cached` is the
 *   sg_table cached in the attachment, which map returns again and only
 *   detach unmaps.
 * Input: the attach arguments (importer/exporter dynamic) and, when the
 * machine starts later than the `attach` event, the pins and mappings made so far.
 * @module
 */
import { setup, assign } from 'xstate';
import type { DmaBufAttachmentEvent } from '../linux/trace-events.js';

/** Machine events: the attachment lifecycle events of the trace, minus `attach`; map/unmap say whether the cached table is meant. */
export type DmaBufAttachmentMachineEvent =
  | { type: Exclude<DmaBufAttachmentEvent, 'attach' | 'map' | 'unmap'> }
  | { type: 'map' | 'unmap'; cached?: boolean };

/** Input of the attachment machine. */
export interface DmaBufAttachmentInput {
  /** The importer passed dma_buf_attach_ops (dma_buf_dynamic_attach). */
  dynamic: boolean;
  /** The exporter has pin/unpin. */
  exporter_dynamic: boolean;
  /** Pins already held (default 0). */
  pins?: number;
  /** A cached table already exists (default false). */
  cached?: boolean;
  /** The exporter sets cache_sgt_mapping (default false): its first map is cached. */
  exporter_caches?: boolean;
}

/** Context of the attachment machine. */
export interface DmaBufAttachmentContext {
  dynamic: boolean;
  exporter_dynamic: boolean;
  exporter_caches: boolean;
  pins: number;
  maps: number;
  cached: boolean;
}

/** The dma_buf_attachment lifecycle machine. */
export const dmaBufAttachmentMachine = setup({
  types: {
    context: {} as DmaBufAttachmentContext,
    events: {} as DmaBufAttachmentMachineEvent,
    input: {} as DmaBufAttachmentInput,
  },
  guards: {
    startsPinned: ({ context }) => context.pins > 0,
    startsMapped: ({ context }) => context.cached,
    hasPins: ({ context }) => context.pins > 0,
    lastPin: ({ context }) => context.pins === 1,
    canPin: ({ context }) => context.exporter_dynamic,
    dynamicImporter: ({ context }) => context.dynamic,
    lastMap: ({ context, event }) => !('cached' in event && event.cached) && context.maps === 1 && !context.cached,
    moreMaps: ({ context, event }) => !('cached' in event && event.cached) && (context.maps > 1 || (context.maps === 1 && context.cached)),
    unmapCached: ({ context, event }) => 'cached' in event && !!event.cached && context.cached,
    unmapLastCached: ({ context, event }) => 'cached' in event && !!event.cached && context.cached && context.maps === 0,
  },
  actions: {
    pinInc: assign({ pins: ({ context }) => context.pins + 1 }),
    pinDec: assign({ pins: ({ context }) => context.pins - 1 }),
    mapInc: assign(({ context, event }) => {
      const cached = 'cached' in event && event.cached !== undefined ? event.cached : context.cached || context.exporter_caches;
      return cached ? { cached: true } : { maps: context.maps + 1 };
    }),
    mapDec: assign({ maps: ({ context }) => context.maps - 1 }),
    dropCached: assign({ cached: false }),
    // move_notify reaching an attachment with no mapping (or one already invalidated): the
    // importer is told, nothing changes. An explicit action makes XState count it as handled.
    notifiedNothingToInvalidate: () => {},
  },
}).createMachine({
  id: 'dma_buf_attachment',
  context: ({ input }) => ({
    dynamic: input.dynamic, exporter_dynamic: input.exporter_dynamic, exporter_caches: input.exporter_caches ?? false,
    pins: input.pins ?? 0, maps: 0, cached: input.cached ?? false,
  }),
  initial: 'attached',
  states: {
    attached: {
      type: 'parallel',
      on: { detach: 'detached' },
      states: {
        pin: {
          initial: 'start',
          states: {
            start: { always: [{ guard: 'startsPinned', target: 'pinned' }, { target: 'unpinned' }] },
            unpinned: { on: { pin: { guard: 'canPin', target: 'pinned', actions: 'pinInc' } } },
            pinned: {
              on: {
                pin: { guard: 'canPin', actions: 'pinInc' },
                unpin: [{ guard: 'lastPin', target: 'unpinned', actions: 'pinDec' }, { guard: 'hasPins', actions: 'pinDec' }],
              },
            },
          },
        },
        mapping: {
          initial: 'start',
          states: {
            start: { always: [{ guard: 'startsMapped', target: 'mapped' }, { target: 'unmapped' }] },
            unmapped: { on: { map: { target: 'mapped', actions: 'mapInc' }, move_notify: { guard: 'dynamicImporter', actions: 'notifiedNothingToInvalidate' } } },
            mapped: {
              on: {
                map: { actions: 'mapInc' },
                unmap: [
                  { guard: 'unmapLastCached', target: 'unmapped', actions: 'dropCached' },
                  { guard: 'unmapCached', actions: 'dropCached' },
                  { guard: 'lastMap', target: 'unmapped', actions: 'mapDec' },
                  { guard: 'moreMaps', actions: 'mapDec' },
                ],
                move_notify: { guard: 'dynamicImporter', target: 'invalidated' },
              },
            },
            invalidated: {
              on: {
                map: { target: 'mapped', actions: 'mapInc' },
                unmap: [
                  { guard: 'unmapLastCached', target: 'unmapped', actions: 'dropCached' },
                  { guard: 'unmapCached', actions: 'dropCached' },
                  { guard: 'lastMap', target: 'unmapped', actions: 'mapDec' },
                  { guard: 'moreMaps', actions: 'mapDec' },
                ],
                move_notify: { guard: 'dynamicImporter', actions: 'notifiedNothingToInvalidate' },
              },
            },
          },
        },
      },
    },
    detached: { type: 'final' },
  },
});
