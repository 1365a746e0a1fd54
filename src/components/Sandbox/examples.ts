/** The example programs (generated from `sandbox/examples` at build time). */
import examplesData from './generated/examples.json';

export interface ExampleData {
  id: string;
  title: string;
  summary: string;
  code: string;
  /** Kconfig switches the example is meant to run with. */
  config: Record<string, boolean>;
}

export const EXAMPLES = examplesData as ExampleData[];
