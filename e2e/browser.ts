/**
 * Launches Debian's chromium through playwright-core with the flags that keep it local and quiet,
 * and records every request and console error of a page so tests can assert that nothing left
 * 127.0.0.1 and nothing went wrong.
 */
import { chromium, type Browser, type Page } from 'playwright-core';

/** Requests that belong to the editor: Monaco's chunks and workers, the sandbox runner and runtime. */
export const MONACO_REQUEST = /sandbox-editor|sandbox-runner|sandbox-runtime|(^|\/)(editor|ts)\.[0-9a-f]+\.js$/;

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
}

export interface PageLog {
  requests: string[];
  consoleErrors: string[];
  pageErrors: string[];
}

/** Opens a page that logs requests, console errors and uncaught exceptions into the returned log. */
export async function tracedPage(browser: Browser): Promise<{ page: Page; log: PageLog }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const log: PageLog = { requests: [], consoleErrors: [], pageErrors: [] };
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') log.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => log.pageErrors.push(String(e)));
  return { page, log };
}

/** Requests whose host is not 127.0.0.1 (data: and blob: URLs are local). */
export function externalRequests(log: PageLog): string[] {
  return log.requests.filter((u) => !/^(data:|blob:|about:)/.test(u) && new URL(u).hostname !== '127.0.0.1');
}
