/**
 * Writes the generated lifecycle layouts: every machine of `sandbox/machines` laid out with ELK,
 * as one JSON file the `<Lifecycle>` component imports.
 * @module
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LayoutFile } from './types.ts';
import { discoverMachines, MACHINES_DIR } from './discover.ts';
import { layoutMachine } from './layout.ts';

/** Where the component expects the layouts: `src/components/Lifecycle/generated/layouts.json` (git-ignored). */
export const LAYOUTS_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../components/Lifecycle/generated/layouts.json');

/** Lays out every machine of `dir`, keyed by machine id in sorted order. */
export async function computeLayouts(dir: string = MACHINES_DIR): Promise<LayoutFile> {
  const machines = await discoverMachines(dir);
  const out: LayoutFile = {};
  for (const id of [...machines.keys()].sort()) out[id] = await layoutMachine(machines.get(id)!);
  return out;
}

/**
 * Generates the layouts of every machine in `sandbox/machines` and writes them to `outFile`
 * (default {@link LAYOUTS_FILE}), creating its folder. The file is only rewritten when its content
 * changes, so a dev server does not rebuild for nothing. Returns the machine ids written.
 */
export async function generateLayouts(outFile: string = LAYOUTS_FILE): Promise<string[]> {
  const layouts = await computeLayouts();
  const text = `${JSON.stringify(layouts)}\n`;
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  const old = fs.existsSync(outFile) ? fs.readFileSync(outFile, 'utf8') : undefined;
  if (old !== text) fs.writeFileSync(outFile, text);
  return Object.keys(layouts);
}
