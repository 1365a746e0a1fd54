/**
 * The shared setting of the browser tests: the built site served on 127.0.0.1 and one Chromium,
 * started before a file's tests and stopped after them.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch } from './browser.ts';
import { serveBuild } from './server.ts';

export interface Harness {
  /** `http://127.0.0.1:<port>` */
  url: string;
  browser: Browser;
}

/** Registers the hooks; the returned object is filled before the first test runs. */
export function useSiteAndBrowser(): Harness {
  const h = {} as Harness;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const site = await serveBuild();
    close = site.close;
    h.url = site.url;
    h.browser = await launch();
  });
  afterAll(async () => {
    await h.browser?.close();
    await close?.();
  });
  return h;
}
