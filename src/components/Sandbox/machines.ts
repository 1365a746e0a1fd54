/**
 * Trace object class → its lifecycle machine (from `sandbox/machines`).
 */
import type { AnyStateMachine } from 'xstate';
import { dmaFenceMachine } from '../../../sandbox/machines/dma-fence.machine';

export const LIFECYCLE_MACHINES: Readonly<Record<string, AnyStateMachine>> = Object.freeze({
  dma_fence: dmaFenceMachine as unknown as AnyStateMachine,
});
