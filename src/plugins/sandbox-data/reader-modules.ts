/**
 * Import specifier → source file of every module reader code can import, derived from the
 * runtime's own module table (`sandbox/runtime/modules.ts`): `linux/dma-buf` lives in
 * `sandbox/linux/dma-buf.ts`, `drivers/vram` in `sandbox/drivers/vram.ts`.
 */
import { SANDBOX_MODULES } from '../../../sandbox/runtime/modules.ts';

export const READER_MODULES: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(Object.keys(SANDBOX_MODULES).map((spec) => [spec, `sandbox/${spec}.ts`])),
);
