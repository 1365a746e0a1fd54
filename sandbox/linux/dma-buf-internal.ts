/**
 * Helpers shared by the dma-buf modules: calling exporter/importer callbacks
 * with a trace event and the locking rule that applies, and checking the
 * locking convention at API entry.
 * @internal
 * @module
 */
import { K } from '../kernel/current.js';
import { lockdep_with_rule, lock_rule_report, lockdep_is_held } from '../kernel/lockdep.js';
import { dma_buf_lock_rule, dma_buf_op_rule } from './dma-buf-locking.js';
import type { dma_buf } from './dma-buf-types.js';

/** Call exporter op `name` of `dmabuf`, traced, under its locking rule. */
export function call_op<T>(dmabuf: dma_buf, name: string, obj: number, fn: () => T): T {
  const k = K();
  k.trace.emit('callback', `dma_buf_ops.${name}`, 'dma_buf', obj);
  const rule = dma_buf_op_rule(name);
  return rule ? lockdep_with_rule(rule, fn) : fn();
}

/** Report a call made while holding the reservation lock that the convention forbids. */
export function check_not_held(fn: string, dmabuf: dma_buf | null | undefined): void {
  if (dmabuf && dmabuf.resv && lockdep_is_held(dmabuf.resv.lock)) lock_rule_report(fn, dma_buf_lock_rule(fn)!, dmabuf.resv.lock, true);
}

/** Run `body` with the "must not hold" rule of `fn` as the hint for any recursive-lock report. */
export function with_rule<T>(fn: string, body: () => T): T {
  return lockdep_with_rule(dma_buf_lock_rule(fn)!, body);
}

/** Emit a lifecycle event. */
export function state(cls: 'dma_buf' | 'dma_buf_attachment', name: string, obj: number, args?: Record<string, string | number | boolean>): void {
  K().trace.emit('state', name, cls, obj, undefined, args);
}

/** Emit a call event. */
export function call(name: string, cls: string, obj: number, ret?: number | string | boolean): void {
  K().trace.emit('call', name, cls, obj, ret);
}
