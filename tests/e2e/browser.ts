/** Browser helpers for the e2e suite: Debian chromium through playwright-core. */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumMissingMessage = () =>
  `No browser at ${CHROMIUM}: install it with \`apt-get install -y chromium fonts-noto-cjk\` (or set CHROMIUM_PATH), then run npm test again.`;

export const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-swiftshader',
];

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(chromiumMissingMessage());
  return chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
}

export const baseUrl = () => inject('baseUrl');

export interface Opened {
  page: Page;
  errors: string[];
  requests: string[];
  close: () => Promise<void>;
}

/** Open the app at a query string; records console errors and every request. */
/** `idleTimeout`: how long the first map idle may take (software WebGL on a busy machine can be slow). */
export async function openApp(browser: Browser, query = '', ctx: BrowserContextOptions = {}, idleTimeout = 30_000): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', ...ctx });
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(baseUrl() + query);
  await waitIdle(page, idleTimeout);
  return { page, errors, requests, close: () => context.close() };
}

/** Wait until the map exists, its style is loaded and it is idle. */
export async function waitIdle(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(() => {
    const m = (window as unknown as { __map?: { loaded(): boolean; isStyleLoaded(): boolean } }).__map;
    return !!m && m.isStyleLoaded() && m.loaded();
  }, undefined, { timeout, polling: 100 });
  // header actions and map overlays load after the first idle (App.svelte): wait until they are mounted
  await page.waitForFunction(() => document.documentElement.dataset.extras === 'ready', undefined, { timeout, polling: 50 });
  // one more idle after any pending change
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const m = (window as unknown as { __map: { once(e: string, f: () => void): void; triggerRepaint(): void } }).__map;
        m.once('idle', () => resolve());
        m.triggerRepaint();
      }),
  );
}

/** Ids of rendered features in given layers. */
export async function renderedIds(page: Page, layers: string[]): Promise<string[]> {
  return page.evaluate((layers) => {
    const m = (window as unknown as { __map: { getLayer(id: string): unknown; queryRenderedFeatures(o: unknown): { properties: { id?: string } }[] } }).__map;
    const ls = layers.filter((l) => m.getLayer(l));
    if (!ls.length) return [];
    return [...new Set(m.queryRenderedFeatures({ layers: ls }).map((f) => String(f.properties.id)))].sort();
  }, layers);
}
