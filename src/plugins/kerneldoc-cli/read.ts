/**
 * Reading a source file for the parser: bytes once into a reused buffer, decoded as latin1 (so
 * perl's byte semantics hold), and not decoded at all when the bytes cannot hold kernel-doc or
 * exports.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { parseKernelDoc, type KdocFile, type ParseOptions } from '../../kerneldoc/index.js';

/**
 * One buffer for every read: a fresh `readFileSync` buffer per file puts hundreds of MB of
 * short-lived external memory on V8's books (tree-wide runs spent a fifth of their time in GC).
 */
let scratch = Buffer.allocUnsafeSlow(1 << 20);

/** The file's bytes, valid until the next call. */
function readBytes(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size + 1 > scratch.length) scratch = Buffer.allocUnsafeSlow(Math.max(size + 1, scratch.length * 2));
    let n = 0;
    for (;;) {
      const r = readSync(fd, scratch, n, scratch.length - n, null);
      if (r === 0) break;
      n += r;
      if (n === scratch.length) {
        // The file grew since fstat: make room and go on.
        const bigger = Buffer.allocUnsafeSlow(scratch.length * 2);
        scratch.copy(bigger, 0, 0, n);
        scratch = bigger;
      }
    }
    return scratch.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/**
 * Parses the file at `path`, naming it `name` in items and warnings. A file without `/**` (and,
 * unless `opts.noExports`, without `EXPORT_SYMBOL`) gives the same empty result the parser would,
 * without decoding it. Perl scans exports only for `-export`/`-internal`; callers that need no
 * exports pass `noExports` and skip that scan too (a 13-byte search over every byte of the tree).
 */
export function parseFile(path: string, name = path, opts: ParseOptions = {}): KdocFile {
  const buf = readBytes(path);
  if (buf.indexOf('/**') < 0 && (opts.noExports || buf.indexOf('EXPORT_SYMBOL') < 0)) {
    return { file: name, items: [], exports: [], warnings: [], rejected: undefined };
  }
  return parseKernelDoc(buf.toString('latin1'), name, opts);
}
