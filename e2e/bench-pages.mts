/**
 * `npm run bench:pages` (a benchmark, not a test): what the interactive pages cost, measured in
 * Debian's Chromium against the built site on 127.0.0.1. Prints JSON:
 * - JS a spec page loads before any interaction (gzip bytes), split into the page's own scripts
 *   and Docusaurus' speculative `<link rel=prefetch>` of pages linked in view; and whether any
 *   Monaco byte was among them (target: none, and ≤ 250 KB gzip of the page's own JS);
 * - bytes loaded when a sandbox opens (editor, TypeScript worker, runtime worker; gzip);
 * - time from opening a sandbox to the editor being ready, TypeScript service included
 *   (target ≤ 1.5 s);
 * - time from Run to the first diagram update, for every example (target ≤ 100 ms).
 * Needs `npm run build` first (it runs it when build/ is missing).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Page, Request } from 'playwright-core';
import { launch, MONACO_REQUEST } from './browser.ts';
import { buildDir, serveBuild } from './server.ts';


if (!fs.existsSync(path.join(buildDir, 'index.html'))) spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });

const gz = new Map<string, number>();
function gzipBytes(urlPath: string): number {
  if (!gz.has(urlPath)) {
    const file = path.join(buildDir, decodeURIComponent(urlPath));
    gz.set(urlPath, fs.existsSync(file) && fs.statSync(file).isFile() ? zlib.gzipSync(fs.readFileSync(file)).length : 0);
  }
  return gz.get(urlPath)!;
}

interface Loaded {
  path: string;
  prefetch: boolean;
  js: boolean;
}

function record(page: Page): Loaded[] {
  const out: Loaded[] = [];
  page.on('request', async (r: Request) => {
    const u = new URL(r.url());
    if (u.hostname !== '127.0.0.1') return;
    const headers = await r.allHeaders().catch(() => ({}) as Record<string, string>);
    const prefetch = /prefetch/.test(headers['sec-purpose'] ?? headers.purpose ?? '') || r.resourceType() === 'other';
    out.push({ path: u.pathname, prefetch, js: u.pathname.endsWith('.js') });
  });
  return out;
}

const sum = (xs: Loaded[]) => [...new Set(xs.map((x) => x.path))].reduce((n, p) => n + gzipBytes(p), 0);
const kb = (n: number) => Math.round(n / 102.4) / 10;

const site = await serveBuild();
const browser = await launch();
try {
  // 1. A spec page, no interaction.
  const spec = await browser.newPage();
  const specLoads = record(spec);
  await spec.goto(`${site.url}/driver-api/dma-buf`, { waitUntil: 'networkidle' });
  await spec.waitForTimeout(1000);
  const own = specLoads.filter((l) => l.js && !l.prefetch);
  const pre = specLoads.filter((l) => l.js && l.prefetch);
  const monacoOnSpec = specLoads.filter((l) => MONACO_REQUEST.test(l.path) || gzipBytes(l.path) > 300_000).map((l) => l.path);
  await spec.close();

  // 2. Opening a sandbox on a guide page: from the click on its code to a ready editor (the
  //    TypeScript service has compiled the program once), and what that loads. Best of 3 fresh pages.
  let editorReadyMs = Infinity;
  let openBytes = 0;
  for (let i = 0; i < 3; i++) {
    const tour = await browser.newPage();
    await tour.goto(`${site.url}/tour`, { waitUntil: 'networkidle' });
    const openLoads = record(tour);
    const t0 = Date.now();
    await tour.locator('[data-testid="sandbox-static"]').first().click();
    await tour.waitForSelector('[data-testid="sandbox"][data-editor-ready="true"]', { timeout: 30_000 });
    editorReadyMs = Math.min(editorReadyMs, Date.now() - t0);
    openBytes = sum(openLoads.filter((l) => !l.prefetch));
    await tour.close();
  }
  const open = await browser.newPage();

  // 3. Run → first diagram update, every example.
  const examples = JSON.parse(fs.readFileSync(path.resolve('src/components/Sandbox/generated/examples.json'), 'utf8')) as { id: string }[];
  const runToFirstUpdateMs: Record<string, number> = {};
  for (const ex of examples) {
    await open.goto(`${site.url}/playground?example=${ex.id}`, { waitUntil: 'networkidle' });
    await open.waitForSelector('[data-testid="sandbox"][data-editor-ready="true"]', { timeout: 30_000 });
    await open.click('[data-testid="sandbox-run"]');
    await open.waitForSelector('[data-testid="sandbox"][data-first-update-ms]', { timeout: 10_000 });
    runToFirstUpdateMs[ex.id] = Number(await open.getAttribute('[data-testid="sandbox"]', 'data-first-update-ms'));
  }
  const worst = Math.max(0, ...Object.values(runToFirstUpdateMs));
  process.stdout.write(
    `${JSON.stringify(
      {
        specPage: {
          url: '/driver-api/dma-buf',
          ownJsKBgzip: kb(sum(own)),
          prefetchedJsKBgzip: kb(sum(pre)),
          monacoRequests: monacoOnSpec,
          targetOwnJsKBgzip: 250,
        },
        sandboxOpen: { page: '/tour', loadedKBgzip: kb(openBytes), editorReadyMs, targetEditorReadyMs: 1500 },
        runToFirstDiagramUpdateMs: runToFirstUpdateMs,
        worstRunToFirstUpdateMs: worst,
        targetRunToFirstUpdateMs: 100,
      },
      null,
      2,
    )}\n`,
  );
} finally {
  await browser.close();
  await site.close();
}
