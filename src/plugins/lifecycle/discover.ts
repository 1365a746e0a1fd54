/**
 * Finds the lifecycle machines: every `*.machine.ts` file in `sandbox/machines`, and in each file
 * every exported XState machine. New machine files are picked up by name, with no edit here.
 * @module
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AnyStateMachine } from 'xstate';

/** The folder holding the machines (`sandbox/machines` of this repository). */
export const MACHINES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../sandbox/machines');

/** `true` for an XState v5 machine object (a `StateMachine` with a root state node). */
export function isMachine(value: unknown): value is AnyStateMachine {
  return !!value && typeof value === 'object' && (value as { __xstatenode?: unknown }).__xstatenode === true && 'root' in value && 'id' in value;
}

/** The machine files of a folder, sorted by name so the output order never depends on the file system. */
export function machineFiles(dir: string = MACHINES_DIR): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.machine.ts'))
    .sort()
    .map((f) => path.join(dir, f));
}

/**
 * Imports every machine file of `dir` and returns its exported machines keyed by machine id
 * (`dma_fence`, ...). Two machines with the same id are an error: the id is the
 * `<Lifecycle machine>` name.
 */
export async function discoverMachines(dir: string = MACHINES_DIR): Promise<Map<string, AnyStateMachine>> {
  const found = new Map<string, AnyStateMachine>();
  for (const file of machineFiles(dir)) {
    const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const name of Object.keys(mod).sort()) {
      const m = mod[name];
      if (!isMachine(m) || [...found.values()].includes(m)) continue;
      if (found.has(m.id)) throw new Error(`lifecycle: two machines with id "${m.id}" (${path.basename(file)} exports ${name})`);
      found.set(m.id, m);
    }
  }
  return found;
}
