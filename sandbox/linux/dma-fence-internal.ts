/**
 * State shared by the dma-fence modules: the trace buffer shortcut and the
 * per-kernel fence state (context counter, the global stub fence and its lock).
 * Not re-exported by dma-fence.ts.
 * @internal
 * @module
 */
import * as current_h from '../kernel/current.js';
import { spinlock_t } from '../kernel/spinlock.js';
import type { dma_fence } from './dma-fence-types.js';

const { K } = current_h;

/** The current kernel's trace buffer. */
export function tr(): import('../kernel/trace.js').TraceBuffer {
  return K().trace;
}

/** Per-kernel fence state. */
export interface FenceState {
  context_counter: number;
  stub: dma_fence | null;
  stub_lock: spinlock_t;
}
const FENCE_STATE = Symbol('dma-fence');
/** The current kernel's fence state, created on first use. */
export function fstate(): FenceState {
  return K().subsys(FENCE_STATE, () => ({ context_counter: 1, stub: null, stub_lock: new spinlock_t('dma_fence_stub_lock') }));
}
