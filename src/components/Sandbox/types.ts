import type { RunSettings } from '../../../sandbox/runtime/protocol';

export interface SandboxProps {
  /** Id of an example in `sandbox/examples` (file name without `.ts`). */
  example?: string;
  /** Code to show instead of an example's (share links). */
  code?: string;
  settings?: RunSettings;
  /** Open the editor at once (playground). */
  autoOpen?: boolean;
  /** Run as soon as the editor is ready (Run was pressed before it loaded). */
  runOnReady?: boolean;
}
