/**
 * `tsx src/plugins/lifecycle/cli.ts [outFile]`: lays out every lifecycle machine of
 * `sandbox/machines` and writes the JSON the `<Lifecycle>` component reads.
 */
import path from 'node:path';
import { generateLayouts, LAYOUTS_FILE } from './generate.ts';

async function main(): Promise<void> {
  const out = process.argv[2] ? path.resolve(process.argv[2]) : LAYOUTS_FILE;
  const ids = await generateLayouts(out);
  process.stderr.write(`lifecycle: laid out ${ids.join(', ')} → ${path.relative(process.cwd(), out)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`lifecycle: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
