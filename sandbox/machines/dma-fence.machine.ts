/**
 * Lifecycle machine of a `struct dma_fence` (v6.12 semantics), XState v5.
 * Parallel regions: `lifecycle` (pending → signaled → released) and
 * `signalling` (software signalling disabled → enabled). Event types are the
 * model's trace vocabulary (DMA_FENCE_EVENTS); the machine starts after `init`.
 * @module
 */
import { setup, assign, stateIn, not } from 'xstate';
import type { DmaFenceEvent } from '../linux/trace-events.js';

/** Machine events: the fence lifecycle events of the trace, minus `init`. */
export type DmaFenceMachineEvent = { type: Exclude<DmaFenceEvent, 'init'> };

/** The dma_fence lifecycle machine. Context: callbacks queued, error set. */
export const dmaFenceMachine = setup({
  types: {
    context: {} as { callbacks: number; error: boolean },
    events: {} as DmaFenceMachineEvent,
  },
  guards: {
    hasCallbacks: ({ context }) => context.callbacks > 0,
  },
}).createMachine({
  id: 'dma_fence',
  type: 'parallel',
  context: { callbacks: 0, error: false },
  states: {
    lifecycle: {
      initial: 'pending',
      states: {
        pending: {
          on: {
            add_callback: { actions: assign({ callbacks: ({ context }) => context.callbacks + 1 }) },
            remove_callback: { guard: 'hasCallbacks', actions: assign({ callbacks: ({ context }) => context.callbacks - 1 }) },
            set_error: { actions: assign({ error: true }) },
            signal: { target: 'signaled', actions: assign({ callbacks: 0 }) },
            release: { target: 'released' },
          },
        },
        signaled: {
          on: {
            // the kernel WARNs but stores the error
            set_error: { actions: assign({ error: true }) },
            release: { target: 'released' },
          },
        },
        released: { type: 'final' },
      },
    },
    signalling: {
      initial: 'disabled',
      states: {
        // add_callback on a signaled fence returns -ENOENT without enabling signalling
        disabled: { on: { enable_signaling: { target: 'enabled', guard: not(stateIn({ lifecycle: 'released' })) }, add_callback: { target: 'enabled', guard: stateIn({ lifecycle: 'pending' }) } } },
        enabled: {},
      },
    },
  },
});
