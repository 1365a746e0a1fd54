/**
 * The interactive pages in Chromium: Monaco stays off the spec pages until the reader asks for
 * it; an example runs in the worker and drives the attachment diagram through move_notify; a
 * diagram event drives the model; an endless loop is stopped while the page keeps responding;
 * a share link restores code without running it; nothing leaves 127.0.0.1; axe finds no serious
 * or critical violation.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { encodeShareLink } from '../sandbox/runtime/share-link.ts';
import { DEFAULT_SETTINGS, type RunSettings } from '../sandbox/runtime/protocol.ts';
import { seriousViolations } from './axe.ts';
import { externalRequests, MONACO_REQUEST, tracedPage } from './browser.ts';
import { useSiteAndBrowser } from './harness.ts';

export const SCREENSHOT = path.resolve('test-results', 'playground-mid-run.png');

const h = useSiteAndBrowser();

async function openExample(page: Page, id: string): Promise<void> {
  await page.goto(`${h.url}/playground?example=${id}`, { waitUntil: 'networkidle' });
  await page.waitForSelector('[data-testid="sandbox"][data-editor-ready="true"]', { timeout: 30_000 });
}

/** Opens the playground on a share link of `code` and waits until its editor is ready. */
async function openShared(page: Page, code: string, settings: RunSettings = DEFAULT_SETTINGS): Promise<void> {
  await page.goto(`${h.url}/playground${encodeShareLink({ code, settings })}`, { waitUntil: 'networkidle' });
  await page.waitForSelector('[data-testid="sandbox"][data-editor-ready="true"]', { timeout: 30_000 });
}

async function runAndWait(page: Page, status: RegExp = /^(ok|oops|error|killed)$/): Promise<string> {
  await page.click('[data-testid="sandbox-run"]');
  await page.waitForFunction(() => !/^(compiling|running|idle)$/.test(document.querySelector('[data-testid="sandbox"]')?.getAttribute('data-status') ?? 'idle'), null, { timeout: 20_000 });
  const s = (await page.getAttribute('[data-testid="sandbox"]', 'data-status')) ?? '';
  expect(s).toMatch(status);
  return s;
}

describe('sandbox', () => {
  it('ships no Monaco byte with a spec page before interaction', async () => {
    const { page, log } = await tracedPage(h.browser);
    await page.goto(`${h.url}/driver-api/dma-buf`, { waitUntil: 'networkidle' });
    await page.waitForTimeout(500);
    expect(log.requests.filter((u) => MONACO_REQUEST.test(u))).toEqual([]);
    expect(await page.locator('.monaco-editor').count()).toBe(0);
    expect(externalRequests(log)).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
  });

  it('runs the dynamic-importer example: the attachment is invalidated by move_notify and mapped again', async () => {
    const { page, log } = await tracedPage(h.browser);
    await openExample(page, 'dynamic-importer');
    await runAndWait(page, /^ok$/);
    // The kernel log and console of the run are shown.
    await page.click('button[role="tab"]:has-text("console")');
    const consoleText = await page.locator('[role="tabpanel"]').innerText();
    expect(consoleText.length).toBeGreaterThan(0);
    // The attachment's diagram: step through the run and see the invalidated state, then mapped again.
    const attachment = page.locator('#sandbox-object option', { hasText: 'dma_buf_attachment' }).first();
    await page.selectOption('#sandbox-object', { label: await attachment.innerText() });
    const max = Number(await page.getAttribute('#sandbox-step', 'max'));
    const seen: string[] = [];
    const stepOf: number[] = [];
    for (let s = 0; s <= max; s++) {
      await page.locator('#sandbox-step').fill(String(s));
      const line = await page.locator('li[data-object^="dma_buf_attachment"]').first().innerText();
      if (seen.at(-1) !== line) {
        seen.push(line);
        stepOf.push(s);
      }
    }
    const invalidated = seen.findIndex((l) => /invalidated/.test(l));
    expect(invalidated).toBeGreaterThan(-1);
    expect(seen.slice(invalidated + 1).some((l) => /mapped/.test(l) && !/unmapped|invalidated/.test(l))).toBe(true);
    // The diagram highlights the state the machine is in.
    expect(await page.locator('figure svg').count()).toBeGreaterThan(0);
    // Mid-run: scrub back to the step where move_notify invalidated the mapping, and keep a picture.
    await page.locator('#sandbox-step').fill(String(stepOf[invalidated]));
    expect(await page.locator('li[data-object^="dma_buf_attachment"]').first().innerText()).toMatch(/invalidated/);
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.locator('[data-testid="sandbox"]').screenshot({ path: SCREENSHOT });
    expect(externalRequests(log)).toEqual([]);
    expect(log.pageErrors).toEqual([]);
  });

  it('drives the model from a diagram event: signalling a fence from its diagram', async () => {
    const { page, log } = await tracedPage(h.browser);
    const code = [
      "import { dma_fence, dma_fence_init, dma_fence_context_alloc, spinlock_t } from 'linux/dma-fence';",
      'const f = new dma_fence();',
      "dma_fence_init(f, { get_driver_name: () => 'demo', get_timeline_name: () => 'tl' }, new spinlock_t(), dma_fence_context_alloc(1), 1);",
      "console.log('fence created, not signaled');",
    ].join('\n');
    await openShared(page, code);
    await runAndWait(page, /^ok$/);
    expect(await page.locator('li[data-object^="dma_fence"]').first().innerText()).toMatch(/pending/);
    const signal = page.locator('figure g[role="button"][aria-label^="Send signal"]').first();
    await signal.click();
    await page.waitForFunction(() => /signaled/.test(document.querySelector('li[data-object^="dma_fence"]')?.textContent ?? ''), null, { timeout: 10_000 });
    const timeline = await page.locator('[aria-label="Call timeline"]').innerText();
    expect(timeline).toMatch(/dma_fence_signal\(\)/);
    expect(log.pageErrors).toEqual([]);
  });

  it('stops while(true){} and a huge allocation within the budget, and the page stays responsive', async () => {
    const { page, log } = await tracedPage(h.browser);
    await openShared(page, 'while (true) {}\n');
    const t0 = Date.now();
    await runAndWait(page, /^killed$/);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(await page.locator('[data-testid="sandbox-status"]').innerText()).toMatch(/Stopped after 2 s/);
    // The main thread answers immediately.
    const t1 = Date.now();
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
    expect(Date.now() - t1).toBeLessThan(1000);
    // A huge allocation ends the same way, in a fresh worker, and the page survives it.
    await openShared(page, 'const a = new Array(1e9).fill(0);\nconsole.log(a.length);\n');
    await runAndWait(page, /^(killed|error)$/);
    expect(await page.locator('[data-testid="sandbox-status"]').innerText()).toMatch(/Stopped|error/);
    expect(await page.evaluate(() => 2 + 2)).toBe(4);
    expect(log.pageErrors).toEqual([]);
  });

  it('opens a share link with the code restored and not run', async () => {
    const { page, log } = await tracedPage(h.browser);
    const code = "console.log('shared program ran');\n";
    await openShared(page, code, { ...DEFAULT_SETTINGS, CONFIG_DMABUF_MOVE_NOTIFY: true });
    expect(await page.locator('[data-testid="shared-note"]').innerText()).toMatch(/has not run/);
    expect((await page.locator('.monaco-editor .view-lines').innerText()).replace(/\u00a0/g, ' ')).toContain("console.log('shared program ran')");
    expect(await page.getAttribute('[data-testid="sandbox"]', 'data-status')).toBe('idle');
    expect(await page.locator('label:has-text("CONFIG_DMABUF_MOVE_NOTIFY") input').isChecked()).toBe(true);
    await runAndWait(page, /^ok$/);
    expect(await page.locator('[role="tabpanel"]').innerText()).toContain('shared program ran');
    expect(externalRequests(log)).toEqual([]);
    expect(log.pageErrors).toEqual([]);
  });

  it('type-checks reader code against the model and shows kernel-doc on hover', async () => {
    const { page, log } = await tracedPage(h.browser);
    const code = [
      "import { dma_buf_attach } from 'linux/dma-buf';",
      "import { device } from 'linux/device';",
      "const a = dma_buf_attach(42, new device('display0'));",
      'console.log(a);',
    ].join('\n');
    await openShared(page, code);
    // 42 is not a struct dma_buf: the TypeScript service, fed the model's declarations, flags it.
    await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: 15_000 });
    // Hovering the function shows its kernel-doc summary with a link to the spec entry.
    await page.locator('.monaco-editor .view-line span', { hasText: 'dma_buf_attach' }).first().hover();
    const hover = page.locator('.monaco-hover', { hasText: 'kernel-doc' }).first();
    await hover.waitFor({ timeout: 15_000 });
    expect(await hover.innerText()).toMatch(/dma_buf_attach/);
    const link = hover.locator('a', { hasText: 'Open the spec entry' }).first();
    expect((await link.getAttribute('data-href')) ?? (await link.getAttribute('href'))).toMatch(/\/driver-api\/dma-buf#c\.dma_buf_attach$/);
    expect(log.pageErrors).toEqual([]);
  });

  it('refuses an over-long share link with a message', async () => {
    const { page } = await tracedPage(h.browser);
    await page.goto(`${h.url}/playground#code/${'A'.repeat(9000)}`, { waitUntil: 'networkidle' });
    expect(await page.locator('[data-testid="share-problem"]').innerText()).toMatch(/too long/);
  });

  it('has no serious or critical accessibility violation on a spec page and the playground', async () => {
    for (const url of ['/driver-api/dma-buf', '/playground']) {
      const { page } = await tracedPage(h.browser);
      await page.goto(`${h.url}${url}`, { waitUntil: 'networkidle' });
      await page.waitForTimeout(500);
      expect({ url, violations: await seriousViolations(page) }).toEqual({ url, violations: [] });
    }
  });
});
