import { describe, expect, it } from 'vitest';
import { externalRequests, tracedPage } from './browser.ts';
import { useSiteAndBrowser } from './harness.ts';

const h = useSiteAndBrowser();

describe('spec page', () => {
  it('opens #c.dma_buf_attach, shows its signature and a parameter, follows a link to struct dma_buf_attachment', async () => {
    const { page, log } = await tracedPage(h.browser);
    await page.goto(`${h.url}/driver-api/dma-buf.html#c.dma_buf_attach`, { waitUntil: 'networkidle' });
    const heading = page.locator('[id="c.dma_buf_attach"]');
    await expect.poll(() => heading.count()).toBe(1);
    await expect.poll(() => heading.isVisible()).toBe(true);
    // The entry's signature names the function and its parameters.
    const entry = page.locator('[id="c.dma_buf_attach"] ~ div[data-kind="function"]').first();
    const signature = await entry.innerText();
    expect(signature).toMatch(/struct dma_buf_attachment \*\s*dma_buf_attach\s*\(struct dma_buf \*dmabuf, struct device \*dev\)/);
    const param = page.locator('[id="c.dma_buf_attach"] ~ section dt[data-name="dev"]').first();
    expect(await param.innerText()).toContain('struct device *dev');
    // The page is scrolled to the entry.
    const top = await heading.evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(400);

    const link = entry.locator('a[href$="#c.dma_buf_attachment"]').first();
    await link.click();
    await page.waitForFunction(() => location.hash === '#c.dma_buf_attachment');
    const target = page.locator('[id="c.dma_buf_attachment"]');
    expect(await target.innerText()).toContain('struct dma_buf_attachment');
    const memberAnchor = page.locator('[id="c.dma_buf_attachment.importer_ops"]');
    expect(await memberAnchor.count()).toBe(1);

    expect(externalRequests(log)).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    expect(log.pageErrors).toEqual([]);
  });

  it('keeps docs.kernel.org links working: an anchor now on another part of the spec is followed there', async () => {
    const { page, log } = await tracedPage(h.browser);
    await page.goto(`${h.url}/driver-api/dma-buf.html#c.dma_fence_signal`, { waitUntil: 'networkidle' });
    await page.waitForURL(/\/driver-api\/dma-buf\/dma-fences#c\.dma_fence_signal$/);
    const entry = page.locator('[id="c.dma_fence_signal"]');
    await expect.poll(() => entry.isVisible()).toBe(true);
    expect(await page.locator('[id="c.dma_fence_signal"] ~ div[data-kind="function"]').first().innerText()).toMatch(/int\s+dma_fence_signal\s*\(struct dma_fence \*fence\)/);
    expect(externalRequests(log)).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
  });

  it('finds an identifier with the local search box and opens it on the spec page', async () => {
    const { page, log } = await tracedPage(h.browser);
    await page.goto(`${h.url}/intro`, { waitUntil: 'networkidle' });
    const box = page.locator('input.navbar__search-input');
    await box.click();
    await box.fill('dma_buf_move_notify');
    // Suggestions are options of the search box's listbox; pick one on the spec page.
    const hit = page.locator('[role="listbox"] [role="option"]', { hasText: 'Buffer Sharing and Synchronization' }).first();
    await hit.waitFor({ timeout: 15_000 });
    expect(await hit.innerText()).toContain('dma_buf_move_notify');
    await hit.click();
    await page.waitForURL(/driver-api\/dma-buf/);
    expect(externalRequests(log)).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    expect(log.pageErrors).toEqual([]);
  });

  it('lists every identifier on the index page with working links', async () => {
    const { page, log } = await tracedPage(h.browser);
    await page.goto(`${h.url}/driver-api/identifiers`, { waitUntil: 'networkidle' });
    const rows = await page.locator('table.kd-index tbody tr').count();
    expect(rows).toBeGreaterThan(130);
    await page.locator('table.kd-index a[href$="#c.dma_fence_signal"]').first().click();
    await page.waitForFunction(() => location.hash === '#c.dma_fence_signal');
    expect(await page.locator('[id="c.dma_fence_signal"]').count()).toBe(1);
    expect(externalRequests(log)).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
  });
});
