/**
 * Command-line options of `scripts/kernel-doc` (perl, v6.12), parsed the same way.
 */
import type { OutputOptions } from '../../kerneldoc/output.js';

/** Parsed command line. */
export interface CliArgs {
  opts: OutputOptions;
  exportFiles: string[];
  files: string[];
}

/** Mirrors: scripts/kernel-doc: the option loop, v6.12 (`-man` is not supported). */
export function parseArgs(argv: readonly string[]): CliArgs {
  const opts: OutputOptions = { format: 'rst', mode: 'all' };
  const functions: string[] = [];
  const nosymbol: string[] = [];
  const exportFiles: string[] = [];
  let i = 0;
  while (i < argv.length && /^--?/.test(argv[i]!)) {
    const cmd = argv[i++]!.replace(/^--?/, '');
    switch (cmd) {
      case 'rst':
      case 'none':
      case 'json':
        opts.format = cmd;
        break;
      case 'function':
        opts.mode = 'include';
        functions.push(argv[i++]!);
        break;
      case 'nosymbol':
        nosymbol.push(argv[i++]!);
        break;
      case 'export':
        opts.mode = 'export';
        break;
      case 'internal':
        opts.mode = 'internal';
        break;
      case 'export-file':
        exportFiles.push(argv[i++]!);
        break;
      case 'Wreturn':
        opts.wreturn = true;
        break;
      case 'Wshort-desc':
      case 'Wshort-description':
        opts.wshortDesc = true;
        break;
      case 'Wcontents-before-sections':
        opts.wcontentsBeforeSections = true;
        break;
      case 'Wall':
        opts.wreturn = opts.wshortDesc = opts.wcontentsBeforeSections = true;
        break;
      case 'no-doc-sections':
        opts.noDocSections = true;
        break;
      case 'enable-lineno':
        opts.enableLineno = true;
        break;
      case 'sphinx-version':
      case 'module':
        i++; // only Sphinx >= 3 output is implemented; the module name is a man-page thing
        break;
      case 'v':
      case 'Werror':
      case 'show-not-found':
        break;
      default:
        throw new Error(`Argument unknown: -${cmd}`);
    }
  }
  if (functions.length) opts.functions = functions;
  if (nosymbol.length) opts.nosymbol = nosymbol;
  const files = argv.slice(i);
  if (!files.length) throw new Error('FILE argument missing');
  return { opts, exportFiles, files };
}
