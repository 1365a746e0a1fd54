import type { RunSettings } from '../../../sandbox/runtime/protocol';
import type { ExampleData } from './examples';

/** The example a sandbox shows, from `exampleData` or the attributes the remark plugin adds. */
export function exampleOf(p: SandboxProps): ExampleData | undefined {
  if (p.exampleData) return p.exampleData;
  if (p.exampleCode === undefined) return undefined;
  const config = p.exampleConfig ? (JSON.parse(p.exampleConfig) as Record<string, boolean>) : {};
  return { id: p.example ?? '', title: p.exampleTitle ?? p.example ?? '', summary: p.exampleSummary ?? '', code: p.exampleCode, config };
}

export interface SandboxProps {
  /** Id of an example in `sandbox/examples` (file name without `.ts`). */
  example?: string;
  /**
   * The example itself. In MDX, `<Sandbox example="id" />` is enough: a remark plugin fills in
   * `exampleTitle`, `exampleSummary`, `exampleCode` and `exampleConfig` (JSON) at build time.
   */
  exampleData?: ExampleData;
  exampleTitle?: string;
  exampleSummary?: string;
  exampleCode?: string;
  exampleConfig?: string;
  /** Code to show instead of an example's (share links). */
  code?: string;
  settings?: RunSettings;
  /** Open the editor at once (playground). */
  autoOpen?: boolean;
  /** Run as soon as the editor is ready (Run was pressed before it loaded). */
  runOnReady?: boolean;
}
