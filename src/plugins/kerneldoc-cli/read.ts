/**
 * Reading a source file for the parser: bytes once, decoded as latin1 (so perl's byte semantics
 * hold), and not decoded at all when the bytes cannot hold kernel-doc or exports.
 */
import { readFileSync } from 'node:fs';
import { parseKernelDoc, type KdocFile } from '../../kerneldoc/index.js';

/**
 * Parses the file at `path`, naming it `name` in items and warnings. A file without `/**` and
 * without `EXPORT_SYMBOL` gives the same empty result the parser would, without decoding it.
 */
export function parseFile(path: string, name = path): KdocFile {
  const buf = readFileSync(path);
  if (buf.indexOf('/**') < 0 && buf.indexOf('EXPORT_SYMBOL') < 0) {
    return { file: name, items: [], exports: [], warnings: [] };
  }
  return parseKernelDoc(buf.toString('latin1'), name);
}
