/**
 * Installs what the project needs on a fresh Debian machine with Node 20, each step only when
 * missing: npm dependencies, docutils (Debian's python3-docutils) for the reStructuredText
 * bodies, xz-utils for unpacking the kernel package, and, for the browser tests, Debian's chromium.
 * Plain JavaScript on purpose: it runs before any dependency is installed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

const quiet = (cmd, args) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
const has = (cmd) => quiet('sh', ['-c', `command -v ${cmd}`]);
const log = (m) => process.stderr.write(`[setup] ${m}\n`);

function npmDepsCurrent() {
  const installed = path.join(root, 'node_modules', '.package-lock.json');
  if (!fs.existsSync(installed)) return false;
  const t = fs.statSync(installed).mtimeMs;
  return ['package.json', 'package-lock.json'].every((f) => !fs.existsSync(path.join(root, f)) || fs.statSync(path.join(root, f)).mtimeMs <= t);
}

export function ensureNpm() {
  if (npmDepsCurrent()) return;
  log('installing npm dependencies');
  // `npm ci` rejects this lockfile (optional platform builds missing from the registry); `npm install` honours it.
  if (sh('npm', ['install', '--no-audit', '--no-fund']) !== 0) throw new Error('npm install failed');
}

let aptUpdated = false;
function aptInstall(pkgs) {
  const asRoot = process.getuid?.() === 0;
  const prefix = asRoot ? [] : has('sudo') ? ['sudo', '-n'] : null;
  if (!prefix || !has('apt-get')) {
    throw new Error(`missing ${pkgs.join(', ')}: install them with your package manager (Debian: apt-get install ${pkgs.join(' ')})`);
  }
  const run = (args) => sh(prefix[0] ?? 'apt-get', prefix.length ? [...prefix.slice(1), 'apt-get', ...args] : args, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  log(`installing Debian packages: ${pkgs.join(' ')}`);
  if (run(['install', '-y', '-q', '--no-install-recommends', ...pkgs]) === 0) return;
  if (!aptUpdated) {
    aptUpdated = true;
    run(['update', '-q']);
    if (run(['install', '-y', '-q', '--no-install-recommends', ...pkgs]) === 0) return;
  }
  throw new Error(`apt-get install ${pkgs.join(' ')} failed`);
}

export function ensureSystem({ browser = false } = {}) {
  const need = [];
  const docutils = [process.env.DMABUF_PYTHON, '/usr/bin/python3', 'python3'].filter(Boolean).some((py) => quiet(py, ['-c', 'import docutils']));
  if (!docutils) need.push('python3-docutils');
  if (!has('xz')) need.push('xz-utils');
  if (!has('perl')) need.push('perl');
  if (browser && !fs.existsSync('/usr/bin/chromium')) need.push('chromium', 'fonts-dejavu-core');
  if (need.length) aptInstall(need);
}

/** What every entry point does first: install what is missing, then generate the site's inputs. */
export function prepare() {
  ensureNpm();
  ensureSystem();
  if (sh(bin('tsx'), ['src/plugins/generate/cli.ts']) !== 0) process.exit(1);
}

export function bin(name) {
  return path.join(root, 'node_modules', '.bin', name);
}
